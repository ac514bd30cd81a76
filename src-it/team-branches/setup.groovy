import dev.migrate.testing.ItDatabase

// a repository as a team has it: the chain on main, two pull requests each adding a migration on its
// head, merged one after the other without conflict (they touch different files)
def git(String... args) {
    def command = ['git', '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false'] + args.toList()
    def process = command.execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "${command.join(' ')} failed: ${err}"
}
def migrations = new File(basedir, 'src/main/java/db/migrations')
def addFrom(String branch) {
    def from = new File(basedir, "branches/${branch}").listFiles()[0]
    new File(basedir, "src/main/java/db/migrations/${from.name}").text = from.text
}

new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-q', '-m', 'the chain')
git('checkout', '-q', '-b', 'feature-a')
addFrom('feature-a')
git('add', '-A')
git('commit', '-q', '-m', 'add phone')
git('checkout', '-q', 'main')
git('checkout', '-q', '-b', 'feature-b')
addFrom('feature-b')
git('add', '-A')
git('commit', '-q', '-m', 'index email')
git('checkout', '-q', 'main')
git('merge', '-q', 'feature-a')
git('merge', '-q', '--no-edit', 'feature-b')
assert migrations.list().length == 4
// the remote a CI checkout has, so that origin/feature-a exists
git('remote', 'add', 'origin', basedir.absolutePath)
git('fetch', '-q', 'origin')

ItDatabase.start(basedir, 25867, 'team-pw')
true
