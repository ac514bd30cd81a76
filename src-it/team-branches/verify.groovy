import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper

try {
    def log = new File(basedir, 'build.log').text
    def email = 'src/main/java/db/migrations/V20260105_000000_IndexEmail.java'

    // check: both heads with message and file, both fixes, and the late branch out of order
    assert log.contains('The chain has 2 heads that no branch label declares')
    assert log.contains("  - 20260110_000000 \"add phone\" (src/main/java/db/migrations/V20260110_000000_AddPhone.java)")
    assert log.contains("  - 20260105_000000 \"index email\" (${email})")
    assert log.contains('mvn compile migrate:merge -Dmigrate.message="merge 20260105_000000 and 20260110_000000"') ||
            log.contains('mvn compile migrate:merge -Dmigrate.message="merge 20260110_000000 and 20260105_000000"')
    assert log.contains('mvn compile migrate:rebase -Dmigrate.revision=20260105_000000 (only while no database has applied it)')
    assert log.contains("[WARNING] Revision 20260105_000000 \"index email\" (${email}) is out of order: its id sorts before 20260110_000000 on another branch")

    // rebase: what the database applied stays where it is, naming the database
    assert log.contains('The database at localhost:25867, database app, user app has applied 20260110_000000 of the branch to rebase')
    assert log.contains('Join the heads with a merge migration instead: mvn compile migrate:merge.')
    // the branch not applied anywhere moves: one line of its file changes, the id stays
    assert log.contains("Rebased 20260105_000000 onto 20260110_000000: ${email} now revises 20260110_000000 instead of 20260101_000002.")
    def original = new File(basedir, 'branches/feature-b/V20260105_000000_IndexEmail.java').text
    def rebased = new File(basedir, email).text
    assert rebased == original.replace('revises = "20260101_000002"', 'revises = "20260110_000000"')
    assert rebased != original
    // a second rebase has nothing to do
    assert log.contains('The chain has 1 head (20260105_000000), so there is no single other head to put 20260105_000000 on: nothing needs a rebase.')

    // verify passes on the single head; its lint judges only what changed since feature-a was merged
    assert log.contains('Judging only the migrations whose source files differ from the merge base with feature-a (from -Dmigrate.lintSince): 20260105_000000; the others replay without findings.')
    assert log.contains('Verified 4 revisions: every step round-trips.')
    def all = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-all.json'))
    assert all.findings.findAll { it.rule == 'index-not-concurrent' }.collect { it.revision } as Set == ['20260101_000002', '20260105_000000'] as Set
    def sinceRevision = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-revision.json'))
    assert log.contains('Judging only the migrations added after revision 20260110_000000 (from -Dmigrate.lintSince): 20260105_000000')
    assert sinceRevision.revisions == ['20260105_000000']
    assert !sinceRevision.findings.isEmpty()
    assert sinceRevision.findings.every { it.revision == '20260105_000000' } : 'the released index build is not flagged again'
    // measured on the real prior schema: accounts exists with rows when the index is built
    assert sinceRevision.findings.find { it.rule == 'index-not-concurrent' }.table == 'public.accounts'
    def verifyLint = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint.json'))
    assert verifyLint.revisions == ['20260105_000000']

    assert log.contains('-Dmigrate.lintSince=no-such-branch (from -Dmigrate.lintSince) is neither a revision of the chain nor a git ref this repository knows')

    // in a pull-request build the base branch is the default
    assert log.contains('Judging only the migrations whose source files differ from the merge base with origin/feature-a (from GITHUB_BASE_REF): 20260105_000000; the others replay without findings.')
    def pullRequest = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-pr.json'))
    assert pullRequest.revisions == ['20260105_000000']

    def app = 'jdbc:postgresql://localhost:25867/app'
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == ['20260110_000000']
} finally {
    ItDatabase.stop(basedir)
}
true
