import java.nio.file.Files
import java.nio.file.StandardCopyOption

// the goal worked as any autogenerate does
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "one migration written, found ${written*.name}"
assert written[0].text.contains('op.createTable("note"')

// the archive, written when the goal's JVM exited, is moved into place at once, so that no JVM
// starting meanwhile maps a file still being written
def target = basedir.toPath().resolve('../..').normalize()
def fresh = target.resolve('it-maven.jsa.new')
if (Files.exists(fresh)) {
    Files.move(fresh, target.resolve('it-maven.jsa'), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
} else {
    // a JVM without -XX:ArchiveClassesAtExit: the other projects start as they would without it
    println "No class-data sharing archive was written at ${fresh}; the projects run without one."
}
true
