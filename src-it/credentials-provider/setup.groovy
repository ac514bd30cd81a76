import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25887, 'initial-pw-5150')
ItDatabase.execute('jdbc:postgresql://localhost:25887/app',
        'CREATE DATABASE shop_eu OWNER app',
        'CREATE DATABASE shop_us OWNER app')
new File(basedir, 'databases.txt').text = '''jdbc:postgresql://localhost:25887/shop_eu
jdbc:postgresql://localhost:25887/shop_us
'''
true
