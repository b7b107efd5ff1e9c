// Runs EPUBCheck (Debian's epubcheck.jar) on every file given, in one JVM: a JVM start costs
// far more than a book's check. Each book's output, exactly as the command line prints it, is
// fenced by "=== <file>" and "=== exit <status>". Run with Java's source launcher:
//   java -cp /usr/share/java/epubcheck.jar EpubCheckAll.java a.epub b.epub …
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckAll {
  public static void main(String[] args) {
    // One stream, so that each book's messages stay inside its fence.
    System.setErr(System.out);
    for (String file : args) {
      System.out.println("=== " + file);
      int status = new EpubChecker().run(new String[] { file });
      System.out.println("=== exit " + status);
      System.out.flush();
    }
  }
}
