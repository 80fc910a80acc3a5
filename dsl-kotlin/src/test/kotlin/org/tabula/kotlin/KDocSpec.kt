package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.assertions.fail
import io.kotest.matchers.ints.shouldBeGreaterThan
import java.io.File

/**
 * Every public declaration of the Kotlin API has KDoc: a `/** ... */` right above it (above its
 * annotations), or, for a constructor property, an `@property` line in its class's KDoc.
 *
 * Dokka's `reportUndocumented` lists the same in the build log but cannot fail the build (it also
 * reports the enum functions the compiler writes), so this reads the sources. It relies on the
 * four-space indentation of the code: a declaration is public API when it is not private,
 * internal, protected or an override, and every block around it is a class, object or interface.
 */
class KDocSpec : FunSpec({

    test("every public declaration of dsl-kotlin has KDoc") {
        val sources = File("src/main/kotlin").walkTopDown().filter { it.extension == "kt" }.toList()
        sources.size shouldBeGreaterThan 10
        val missing = sources.flatMap { undocumented(it) }
        if (missing.isNotEmpty()) fail("${missing.size} public declaration(s) without KDoc:\n" + missing.joinToString("\n"))
    }
})

private val DECLARATION = Regex(
    """^(\s*)((?:(?:public|inline|infix|operator|suspend|data|enum|sealed|abstract|open|final|const|lateinit|tailrec|value|annotation|fun)\s+)*)""" +
        """(fun|val|var|class|object|interface|companion object)\b\s*(?:<[^>]*>\s*)?([\w.`]*)"""
)
private val HIDDEN = Regex("""\b(private|internal|protected|override)\b""")
private val CONTAINER = Regex("""^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|data|enum|sealed|abstract|open|annotation|value|inner)\s+)*(class|object|interface|companion object)\b""")

private fun undocumented(file: File): List<String> {
    val lines = file.readLines()
    val missing = mutableListOf<String>()
    // The last line seen at each indentation (in steps of four): the blocks around a line.
    val openers = HashMap<Int, String>()
    var inComment = false
    for ((i, line) in lines.withIndex()) {
        val trimmed = line.trim()
        if (inComment) {
            if (trimmed.contains("*/")) inComment = false
            continue
        }
        if (trimmed.startsWith("/*") && !trimmed.contains("*/")) {
            inComment = true
            continue
        }
        if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.startsWith("@") || trimmed.startsWith("*")) continue
        val indent = line.length - line.trimStart().length
        openers[indent] = line
        openers.keys.removeIf { it > indent }
        val match = DECLARATION.find(line) ?: continue
        if (indent % 4 != 0 || HIDDEN.containsMatchIn(line.substring(0, match.range.last + 1))) continue
        val enclosing = (0 until indent step 4).map { openers[it] }
        if (enclosing.any { it == null || !CONTAINER.containsMatchIn(it) || HIDDEN.containsMatchIn(it.substringBefore('(')) }) continue
        if (documented(lines, i)) continue
        val name = match.groupValues[4].ifEmpty { match.groupValues[3] }
        if (indent > 0 && (trimmed.endsWith(",") || trimmed.endsWith(")") || trimmed.endsWith(") {") || trimmed.endsWith(") :"))
            && classDocHasProperty(lines, i, indent - 4, name)) continue
        missing += "${file.path}:${i + 1}: $trimmed"
    }
    return missing
}

/** A KDoc block ends right above the declaration, above its annotations. */
private fun documented(lines: List<String>, index: Int): Boolean {
    var j = index - 1
    while (j >= 0 && lines[j].trim().startsWith("@")) j--
    return j >= 0 && lines[j].trim().endsWith("*/")
}

/** The KDoc of the class whose header holds this constructor property names it with `@property`. */
private fun classDocHasProperty(lines: List<String>, index: Int, classIndent: Int, name: String): Boolean {
    var j = index - 1
    while (j >= 0 && (lines[j].length - lines[j].trimStart().length != classIndent || lines[j].isBlank())) j--
    while (j > 0 && lines[j - 1].trim().startsWith("@")) j--
    var k = j - 1
    while (k >= 0 && !lines[k].trim().startsWith("/**")) {
        if (lines[k].contains("@property $name ")) return true
        k--
    }
    return false
}
