import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('The database is not at head: it is at base (no revision applied) while the migrations\' heads are 20260101_000001. Run mvn migrate:upgrade')
    assert log.contains('Detected added column public.agents.nickname')
    assert !log.contains('url-secret-pw')
    assert !log.contains('throwaway') : 'a configured database is compared directly'
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('AddNickname') }
    assert written.size() == 1
    def source = written[0].text
    assert source.contains('revises = "20260101_000001"')
    assert source.contains('op.addColumn("agents", column("nickname", "varchar(40)"));')
    assert source.contains('op.dropColumn("agents", "nickname");')
    // autogenerate writes the migration; it does not apply it
    assert ItDatabase.query('jdbc:postgresql://localhost:25411/app',
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'agents' AND column_name = 'nickname'") == ['0']
    assert ItDatabase.query('jdbc:postgresql://localhost:25411/app', 'SELECT version_num FROM migrate_version') == ['20260101_000001']
} finally {
    ItDatabase.stop(basedir)
}
true
