// a coordinator on 5660 and two workers on 5661 and 5662, fresh; verify.groovy stops them
// shared/ beside the repository, wherever the invoker runs the project
def scripts = null
for (def dir = basedir.canonicalFile; dir != null && scripts == null; dir = dir.parentFile) {
    if (new File(dir, 'shared/citus/cluster.sh').exists()) {
        scripts = new File(dir, 'shared/citus')
    }
}
scripts = scripts ?: new File(basedir, 'shared/citus')
def run = { List<String> command ->
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    def output = process.inputStream.text
    if (process.waitFor() != 0) {
        throw new IllegalStateException(command.join(' ') + ' failed:\n' + output)
    }
}
run([new File(scripts, 'install.sh').path])
run([new File(scripts, 'cluster.sh').path, 'stop', '5660'])
run([new File(scripts, 'cluster.sh').path, 'start', '5660'])
true
