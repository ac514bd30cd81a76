def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 7 : "seven Maven runs in the log, found ${runs.size()}"

// 1: the run given the context applies the whole chain, the test agents last
assert runs[0].contains('Running upgrade 20260102_000001 -> 20260102_500000, test agents') : runs[0]
assert runs[0].contains('BUILD SUCCESS') : runs[0]

// 2: a run without it is at its own head, runs nothing again, and lists its chain
assert runs[1].contains('[INFO] 20260102_000001 (head)') : runs[1]
assert !runs[1].contains('no revision applied') : runs[1]
assert runs[1].contains('Nothing to do: the database is already at 20260102_000001.') : runs[1]
assert !runs[1].contains('Running upgrade') : runs[1]
assert runs[1].contains('20260101_000001 -> 20260102_000001 (head) (current), add nickname') : runs[1]
assert runs[1].contains('BUILD SUCCESS') : runs[1]

// 3: the next plain revision runs alone, beside the test branch
assert runs[2].contains('Running upgrade 20260102_000001 -> 20260103_000001, add email') : runs[2]
assert runs[2].findAll(/Running upgrade/).size() == 1 : runs[2]
assert runs[2].contains('[INFO] 20260103_000001 (head)') : runs[2]

// 4: in the context, the test branch beside the plain one is no pair of heads to merge
assert !runs[3].contains('heads that no branch label declares') : runs[3]
assert runs[3].contains('No differences: the entities match the schema at head.') : runs[3]
assert runs[3].contains('BUILD SUCCESS') : runs[3]

// 5: a plain downgrade below the test revision is refused, nothing changed
assert runs[4].contains('This downgrade would revert 20260101_000001, 20260102_000001, below 20260102_500000 (test agents), which this database applied in a run given the context test') : runs[4]
assert runs[4].contains('Downgrade 20260102_500000 first in a run given -Dmigrate.contexts=test, then run this downgrade again. Nothing was changed.') : runs[4]
assert !runs[4].contains('Running downgrade') : runs[4]

// 6: the run given the context is at both its heads
assert runs[5].contains('[INFO] 20260102_500000 (head)') && runs[5].contains('[INFO] 20260103_000001 (head)') : runs[5]

// 7: what every environment has is not written in a run given a context, whose test branch is a head of its own
assert runs[6].contains('The revision graph has 2 heads') : runs[6]
assert runs[6].contains('This run is given the contexts test, whose revisions are heads of their own: write what every environment has in a run given no context.') : runs[6]
assert new File(basedir, 'src/main/java/db/migrations').listFiles().size() == 3 : 'nothing written'
assert new File(basedir, 'src/main/java/db/later').listFiles().size() == 1 : 'nothing written'
true
