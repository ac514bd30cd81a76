import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def url = 'jdbc:postgresql://localhost:25533/app'
    // the upgrade adds and loses nothing: it ran under the agent without consent, and says who ran it
    assert ItDatabase.query(url, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'") == ['1']
    assert ItDatabase.query(url, "SELECT applied_by FROM migrate_history") == ['app (agent:claude-code)']
    // three downgrades and a stamp refused: the table, its rows and the version are all still there
    assert ItDatabase.query(url, 'SELECT count(*) FROM accounts') == ['3']
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(url, "SELECT count(*) FROM migrate_history WHERE direction <> 'upgrade'") == ['0']
    def refused = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') && it.contains('Refused: this ') }
    assert refused.count { it.contains(':downgrade (default-cli)') } == 3
    assert log.contains('started by a coding agent (claude-code)')
    assert log.contains('DROP TABLE accounts')
    assert log.contains('To the agent: stop here.')
    // the first refusal ran the downgrade on a throwaway copy and shows the lock it took there; the two with
    // -Dmigrate.rehearse=false say they were not rehearsed
    assert log.contains('Rehearsed on a throwaway copy of the chain')
    assert log =~ /DROP TABLE accounts \(\d+ ms\)/
    assert log =~ /ACCESS EXCLUSIVE on public\.accounts, held \d+ ms/
    assert log.readLines().count { it.startsWith('[ERROR] Not rehearsed on a throwaway copy of the chain (-Dmigrate.rehearse=false)') } == 2
    assert log =~ /-Dmigrate\.consent=c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}/
    assert refused.count { it.contains(':stamp (default-cli)') } == 1
    assert log.contains('No consent token was given.')
    assert log.contains("'yes' is not a consent token")
    assert log.contains('The consent token given has expired') : 'a token of an hour long past is named so'
    assert !log.contains('consent-pw')

    // mvn -q migrate:mcp, driven over its standard input and output as a coding agent's client drives it: the tools
    // listed, a read-only one called, the downgrade refused without the token and run with it
    def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
    // the settings the Invoker ran the goals with: the project's repository has its artifacts from user-local
    def userRepository = new File(System.getProperty('maven.repo.local') ?: System.getProperty('user.home') + '/.m2/repository')
    def settings = new File(basedir, 'mcp-settings.xml')
    settings.text = new File(basedir, '../../../../src-it/settings.xml').text
            .replace('@userRepositoryUrl@', userRepository.toURI().toString())
    // not offline: the rehearsal's throwaway PostgreSQL resolves its binaries from user-local, as the goals did
    def builder = new ProcessBuilder(mvn, '-B', '-q', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
            'migrate:mcp', '-Dmigrate.allowWrite=true').directory(basedir)
    // as docs/howto/agents.md configures it: Maven 3.8's console library writes a colour reset (ESC[0m) to standard
    // output before the first response unless told not to, and a client cannot read that line; the check below that
    // each response starts with {"jsonrpc" holds the stream clean
    builder.environment().put('MAVEN_OPTS', '-Djansi.noreset=true -Xmx384m -XX:TieredStopAtLevel=1')
    builder.environment().put('MIGRATE_DATABASE_URL', 'postgresql://app:consent-pw@localhost:25533/app')
    builder.environment().put('CLAUDECODE', '1')
    builder.environment().remove('MIGRATE_CONSENT')
    builder.redirectError(new File(basedir, 'mcp.err'))
    def server = builder.start()
    // a server that hangs fails the project rather than the whole build: its output then ends
    def watchdog = Thread.startDaemon {
        try {
            Thread.sleep(600000)
            server.destroyForcibly()
        } catch (InterruptedException ignored) {
        }
    }
    def out = new BufferedReader(new InputStreamReader(server.inputStream, 'UTF-8'))
    def responses = []
    def request = { int id, String method, String params ->
        server.outputStream.write(("{\"jsonrpc\":\"2.0\",\"id\":${id},\"method\":\"${method}\",\"params\":${params}}\n").getBytes('UTF-8'))
        server.outputStream.flush()
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("{\"jsonrpc\":\"2.0\",\"id\":${id},")) {
                responses << line
                return line
            }
        }
        assert false : "the server ended before answering ${method}: " + new File(basedir, 'mcp.err').text
    }
    def call = { int id, String tool, String arguments ->
        request(id, 'tools/call', "{\"name\":\"${tool}\",\"arguments\":${arguments}}")
    }
    try {
        assert request(1, 'initialize', '{"protocolVersion":"2025-06-18","capabilities":{},'
                + '"clientInfo":{"name":"invoker","version":"1"}}').contains('"name":"migrate"')
        server.outputStream.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n'.getBytes('UTF-8'))
        def tools = request(2, 'tools/list', '{}')
        ['current', 'history', 'plan', 'autogenerate', 'upgrade', 'downgrade', 'stamp'].each {
            assert tools.contains("\"name\":\"${it}\"") : tools
        }
        assert call(3, 'current', '{}').contains('20260101_000001')
        def mcpRefused = call(4, 'downgrade', '{"target":"base"}')
        assert mcpRefused.contains("needsUserConsent") && mcpRefused.contains("DROP TABLE accounts") : mcpRefused
        // rehearsed on a throwaway copy first: the refusal carries the locks measured there
        assert mcpRefused.contains('heldMs') && mcpRefused.contains('public.accounts') : mcpRefused
        assert ItDatabase.query(url, 'SELECT count(*) FROM accounts') == ['3']
        def token = (mcpRefused =~ /c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}/)[0]
        def ran = call(5, 'downgrade', "{\"target\":\"base\",\"consent\":\"${token}\"}")
        assert ran.contains('\\"status\\": \\"ok\\"') : ran
        assert ItDatabase.query(url, "SELECT to_regclass('accounts') IS NULL") == ['t']
        assert ItDatabase.query(url, "SELECT applied_by FROM migrate_history WHERE direction = 'downgrade'") ==
                ['app (agent:claude-code)']
        responses.each { assert !it.contains('consent-pw') }
    } finally {
        watchdog.interrupt()
        server.outputStream.close()
        if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroy()
        }
    }
} finally {
    ItDatabase.stop(basedir)
}
true
