import dev.migrate.testing.ItDatabase

def boxes(File svg) {
    def doc = new groovy.xml.XmlSlurper().parse(svg) // well-formed XML, or this throws
    doc.'**'.findAll { it.name() == 'g' && it.@class == 'table' }.collect { g ->
        def r = g.rect[0]
        [name: g.'@data-table'.text(), x: r.@x.toDouble(), y: r.@y.toDouble(), w: r.@width.toDouble(),
         h: r.@height.toDouble(), faded: g.@opacity.text() == '0.35']
    }
}

def views(File svg) {
    def doc = new groovy.xml.XmlSlurper().parse(svg)
    doc.'**'.findAll { it.name() == 'g' && it.@class == 'view' }.collectEntries { g ->
        [(g.'@data-view'.text()): g.'@data-kind'.text()]
    }
}

def reads(File svg) {
    def doc = new groovy.xml.XmlSlurper().parse(svg)
    doc.'**'.findAll { it.name() == 'g' && it.@class == 'reads' }.collect { g ->
        g.'@data-from'.text() + ' -> ' + g.'@data-to'.text()
    }.sort()
}

def apart(a, b) {
    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
}

try {
    def log = new File(basedir, 'build.log').text

    // the plugin's class realm, as the debug run of migrate:heads lists it: the pictures module without
    // its layout library (ELK, EMF, Guava), which migrate:diagram adds to the realm when it draws
    def realm = log.readLines()
            .dropWhile { !it.contains('Populating class realm plugin>dev.migrate:migrate-maven-plugin') }
            .drop(1)
            .takeWhile { it.contains('Included: ') }
    assert realm.any { it.contains('dev.migrate:migrate-pictures:jar') } : realm
    assert realm.any { it.contains('org.postgresql:postgresql:jar') } : realm
    assert !realm.any { it.contains('org.eclipse.') || it.contains('com.google.guava') } : realm
    def dir = new File(basedir, 'target/migrate/diagram')
    ['schema.mmd', 'schema.svg', 'revisions.mmd', 'revisions.svg', 'index.html'].each {
        assert new File(dir, it).isFile() : "missing $it"
    }
    assert log.contains('Replaying 5 migrations on it.')
    assert log.contains('Drew 4 tables, 2 views and 5 revisions into')

    // the schema the chain builds
    def schema = new File(dir, 'schema.mmd').text
    assert schema.startsWith('erDiagram\n')
    assert schema.contains('    customers {\n        bigint id PK\n        text email UK\n        varchar(200) name\n    }')
    assert schema.contains('        bigint customer_id FK\n')
    assert schema.contains('        bigint order_id PK, FK\n')
    assert schema.contains('    customers ||..o{ orders : "orders_customer_id_fkey"')
    // the key is part of order_lines' primary key: an identifying relationship
    assert schema.contains('    orders ||--o{ order_lines : "order_lines_order_id_fkey"')
    assert schema.contains('    products ||--o{ order_lines : "order_lines_product_id_fkey"')
    assert !schema.contains('migrate_version') && !schema.contains('migrate_history')
    def tables = boxes(new File(dir, 'schema.svg'))
    assert tables*.name.sort() == ['public.customers', 'public.order_lines', 'public.orders', 'public.products']
    [tables, tables].combinations().findAll { a, b -> a.name < b.name }.each { a, b -> assert apart(a, b) : "$a.name overlaps $b.name" }
    assert new File(dir, 'schema.svg').text.count('class="fk"') == 3
    // the views the replayed chain holds, beside the tables they read (read on the throwaway server)
    assert views(new File(dir, 'schema.svg')) == ['public.best_customers': 'materialized view', 'public.customer_totals': 'view']
    assert reads(new File(dir, 'schema.svg')) == ['public.customer_totals -> public.best_customers',
                                                  'public.customers -> public.customer_totals',
                                                  'public.orders -> public.customer_totals']
    assert schema.contains('    customer_totals["customer_totals (view)"] {\n        bigint customer_id\n')
    assert schema.contains('    customers }o..o{ customer_totals : "read by view"')
    assert schema.contains('    customer_totals }o..o{ best_customers : "read by materialized view"')

    // the revision graph, newest at the top: a branch point, a merge, a dependsOn, a non-transactional one
    def revisions = new File(dir, 'revisions.mmd').text
    assert revisions.startsWith('flowchart BT\n')
    assert revisions.contains('20260301_000001<br/>create customers<br/>(@shop, branch point)')
    assert revisions.contains('{{"20260301_000004<br/>merge orders and products<br/>(merge)"}}')
    assert revisions.contains('20260301_000005<br/>index orders by customer<br/>(head, non-transactional)')
    assert revisions.contains(' -.->|depends on| ')
    assert !(revisions =~ /class r\d current/) && !revisions.contains('applied')
    assert revisions =~ /class r\d head,nontransactional\n/
    def revisionSvg = new groovy.xml.XmlSlurper().parse(new File(dir, 'revisions.svg'))
    def revisionBoxes = revisionSvg.'**'.findAll { it.name() == 'g' && it.@class == 'revision' }.collectEntries {
        [(it.'@data-revision'.text()): it.rect[0].@y.toDouble()]
    }
    assert revisionBoxes.size() == 5
    // newest at the top: each revision above its parents
    assert revisionBoxes['20260301_000005'] < revisionBoxes['20260301_000004']
    assert revisionBoxes['20260301_000004'] < revisionBoxes['20260301_000002']
    assert revisionBoxes['20260301_000004'] < revisionBoxes['20260301_000003']
    assert revisionBoxes['20260301_000002'] < revisionBoxes['20260301_000001']
    assert revisionSvg.'**'.findAll { it.name() == 'path' && it.@class == 'depends-on' }.size() == 1

    def html = new File(dir, 'index.html').text
    assert html.contains('<img src="schema.svg"') && html.contains('<img src="revisions.svg"')
    assert html.contains('<caption>public.order_lines</caption>')

    // a neighbourhood: order_lines, with the tables one foreign key away faded; customers is two away
    assert log.contains('The schema the migrations build taken from the cache in target/migrate/replay-cache: no PostgreSQL was started')
    def near = boxes(new File(basedir, 'target/migrate/diagram-order-lines/schema.svg'))
    assert near.collectEntries { [(it.name): it.faded] } == ['public.order_lines': false, 'public.orders': true, 'public.products': true]
    assert views(new File(basedir, 'target/migrate/diagram-order-lines/schema.svg')).isEmpty()

    // a view chosen by name, drawn from the replay cache, which holds the views too: the tables it reads
    // and the materialized view that reads it, faded
    def chosen = new File(basedir, 'target/migrate/diagram-customer-totals/schema.svg')
    assert boxes(chosen).collectEntries { [(it.name): it.faded] } == ['public.customers': true, 'public.orders': true]
    assert views(chosen) == ['public.best_customers': 'materialized view', 'public.customer_totals': 'view']
    assert chosen.text.contains('data-view="public.best_customers" data-kind="materialized view" opacity="0.35"')
    assert log.contains('Drew 2 tables, 2 views and 5 revisions into')

    assert log.contains('No table matches the tables [ordrs*] among the 4 tables of the schema (public.customers, public.order_lines, public.orders, public.products). Name tables that exist, such as -Dmigrate.tables=orders*,customers.')

    // a live database at the merge: its current revision marked, and when each step ran
    def live = new File(basedir, 'target/migrate/diagram-live')
    def liveRevisions = new File(live, 'revisions.mmd').text
    assert liveRevisions =~ /r\d\["20260301_000001<br\/>create customers<br\/>\(@shop, branch point\)<br\/>applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC in \d+(\.\d)? m?s"\]/
    assert liveRevisions.contains('{{"20260301_000004<br/>merge orders and products<br/>(current, merge)<br/>applied ')
    assert liveRevisions =~ /class r3 current\n/
    assert liveRevisions.contains('20260301_000005<br/>index orders by customer<br/>(head, non-transactional)"]')
    assert new File(live, 'revisions.svg').text.contains('stroke-width="3"')
    assert new File(live, 'index.html').text.contains('current: 20260301_000004')
    // the live database has no index yet, and its schema is read from it: four tables, the version tables left out
    assert boxes(new File(live, 'schema.svg'))*.name.size() == 4
    assert views(new File(live, 'schema.svg')) == ['public.best_customers': 'materialized view', 'public.customer_totals': 'view']
    assert !log.contains('diagram-pw')
} finally {
    ItDatabase.stop(basedir)
}
true
