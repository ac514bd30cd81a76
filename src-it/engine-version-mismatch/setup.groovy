// An older migrate-engine in the local repository, for the project to depend on
import java.util.jar.JarOutputStream

def dir = new File(localRepositoryPath, 'dev/migrate/migrate-engine/0.0.1')
dir.mkdirs()
new File(dir, 'migrate-engine-0.0.1.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.migrate</groupId>
  <artifactId>migrate-engine</artifactId>
  <version>0.0.1</version>
</project>
'''
new JarOutputStream(new FileOutputStream(new File(dir, 'migrate-engine-0.0.1.jar'))).close()
true
