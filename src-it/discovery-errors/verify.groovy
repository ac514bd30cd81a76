def log = new File(basedir, 'build.log').text
assert log.contains('No migration was found in the package com.example.wrong (subpackages included).') : 'a package with no migration is an error'
assert log.contains('Class db.extra.AddEmail implements Migration but has no @Revision annotation') : 'a migration without @Revision is named'
assert log.contains('The list of migrations packages is empty') : 'an empty packages setting is an error'
assert log.contains('CREATE TABLE accounts') : 'the default package still works'
assert !log.contains('Nothing to do') : 'no run reports success without migrations'
assert log.contains('<base> -> 20260101_000002 (head), seed accounts') : 'history lists the bean migration without creating it'
assert log.contains('Migration class db.beans.V20260101_000002_SeedAccounts (revision 20260101_000002) cannot be created '
        + 'here: its constructor takes arguments (List), so only the application that supplies them can create it')
assert !log.contains("add 'public V20260101_000002_SeedAccounts() {}'")
true
