package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.assertions.fail
import io.kotest.matchers.ints.shouldBeGreaterThan
import java.io.File

/**
 * Every public declaration of the Kotlin API has KDoc: a `/** ... */` right above it (above its
 * annotations), or, for a constructor property, an `@property` line in its class's KDoc; and that
 * KDoc shows a compiled example.
 *
 * Dokka's `reportUndocumented` lists the same in the build log but cannot fail the build (it also
 * reports the enum functions the compiler writes), so this reads the sources. It relies on the
 * four-space indentation of the code: a declaration is public API when it is not private,
 * internal, protected or an override, and every block around it is a class, object or interface.
 *
 * The example rule (issue #18): each such declaration has its own KDoc with an `@sample` naming a
 * top-level function of the test sources (Dokka shows that function's body under the declaration;
 * the test compiler compiles it and [SamplesSpec] runs it on SQLite), or a fenced code block whose
 * lines (trimmed) are consecutive lines of a file of [SAMPLES_DIR]; every fenced block in the KDoc must be such a
 * compiled one. A constructor property declared on its own line counts as a declaration (give it a
 * KDoc of its own, not only an `@property` line); one declared in a one-line class header
 * (`class AsyncEngine(val engine: Engine)`) is documented by `@property` and shown by its class's
 * samples. Not checked, because they are not the user's to call or have no source of their own:
 * overrides (their KDoc is the overridden member's), enum entries (shown by their enum's sample),
 * and what the compiler writes (data-class `componentN`/`copy`, enum `values`/`valueOf`/`entries`).
 * Deprecated declarations are checked like the others: their sample shows them still working.
 */
class KDocSpec : FunSpec({

    val sources = File("src/main/kotlin").walkTopDown().filter { it.extension == "kt" }.toList()
    val declarations = sources.flatMap { publicDeclarations(it) }
    val samples = sampleFunctions(File("src/test/kotlin"))
    val sampleText = File(SAMPLES_DIR).walkTopDown().filter { it.extension == "kt" }
        .joinToString("\n") { f -> f.readLines().joinToString("\n") { it.trim() } }

    test("every public declaration of dsl-kotlin has KDoc") {
        sources.size shouldBeGreaterThan 10
        val missing = declarations.filter { it.kdoc == null && !it.hasPropertyLine }
        if (missing.isNotEmpty()) fail("${missing.size} public declaration(s) without KDoc:\n" + missing.joinToString("\n"))
    }

    test("every public declaration of dsl-kotlin has a compiled example: an @sample or a code block of the samples") {
        declarations.size shouldBeGreaterThan 100
        val missing = declarations.filter { d -> d.kdoc == null || (SAMPLE.find(d.kdoc) == null && fences(d.kdoc).isEmpty()) }
        if (missing.isNotEmpty()) {
            fail("${missing.size} public declaration(s) whose KDoc has no @sample (nor a code block of $SAMPLES_DIR):\n" +
                missing.joinToString("\n"))
        }
    }

    test("every @sample of dsl-kotlin names a function of the test sources") {
        val unknown = declarations.flatMap { d ->
            SAMPLE.findAll(d.kdoc ?: "").map { it.groupValues[1] }.filter { it !in samples }.map { "$d: @sample $it" }.toList()
        }
        samples.size shouldBeGreaterThan 0
        if (unknown.isNotEmpty()) fail("${unknown.size} @sample(s) naming no function of src/test/kotlin:\n" + unknown.joinToString("\n"))
    }

    test("every code block in dsl-kotlin's KDoc is compiled: its lines are those of a sample") {
        val drifted = sources.flatMap { file ->
            fences(file.readText()).filter { !sampleText.contains(it) }.map { "${file.path}: ```\n$it\n```" }
        }
        if (drifted.isNotEmpty()) {
            fail("${drifted.size} code block(s) in KDoc that no file of $SAMPLES_DIR contains " +
                "(move the example into a sample function and name it with @sample):\n" + drifted.joinToString("\n"))
        }
    }
})

private const val SAMPLES_DIR = "src/test/kotlin/org/tabula/kotlin/samples"

private val DECLARATION = Regex(
    """^(\s*)((?:(?:public|inline|infix|operator|suspend|data|enum|sealed|abstract|open|final|const|lateinit|tailrec|value|annotation|fun)\s+)*)""" +
        """(fun|val|var|class|object|interface|companion object)\b\s*(?:<[^>]*>\s*)?([\w.`]*)"""
)
private val HIDDEN = Regex("""\b(private|internal|protected|override)\b""")
private val CONTAINER = Regex("""^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|data|enum|sealed|abstract|open|annotation|value|inner)\s+)*(class|object|interface|companion object)\b""")
private val SAMPLE = Regex("""@sample\s+([\w.]+)""")
private val FENCE = Regex("""```[a-z]*\n(.*?)\n\s*\*?\s*```""", RegexOption.DOT_MATCHES_ALL)

/** A public declaration, with the text of its KDoc (null when it has none of its own). */
private class Declaration(val where: String, val kdoc: String?, val hasPropertyLine: Boolean) {
    override fun toString() = where
}

/** The code blocks of KDoc text, each line trimmed and without its leading `*`. */
private fun fences(text: String): List<String> = FENCE.findAll(text).map { m ->
    m.groupValues[1].lines().joinToString("\n") { it.trim().removePrefix("*").trim() }
}.toList()

/** The fully qualified names of the top-level functions of the Kotlin test sources. */
private fun sampleFunctions(root: File): Set<String> = root.walkTopDown().filter { it.extension == "kt" }.flatMap { file ->
    val lines = file.readLines()
    val pkg = lines.firstOrNull { it.startsWith("package ") }?.removePrefix("package ")?.trim() ?: ""
    lines.mapNotNull { Regex("""^(?:(?:suspend|inline|internal|public)\s+)*fun\s+(?:<[^>]*>\s*)?(\w+)\(""").find(it) }
        .map { if (pkg.isEmpty()) it.groupValues[1] else "$pkg.${it.groupValues[1]}" }
}.toSet()

private fun publicDeclarations(file: File): List<Declaration> {
    val lines = file.readLines()
    val found = mutableListOf<Declaration>()
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
        // The `) {` that ends a class header's constructor keeps the class as the block's opener.
        if (!trimmed.startsWith(")")) openers[indent] = line
        openers.keys.removeIf { it > indent }
        val match = DECLARATION.find(line) ?: continue
        if (indent % 4 != 0 || HIDDEN.containsMatchIn(line.substring(0, match.range.last + 1))) continue
        val enclosing = (0 until indent step 4).map { openers[it] }
        // A class with a non-public constructor (`class AsyncSession internal constructor(`) is still public.
        if (enclosing.any { it == null || !CONTAINER.containsMatchIn(it) || HIDDEN.containsMatchIn(classHeader(it)) }) continue
        val name = match.groupValues[4].ifEmpty { match.groupValues[3] }
        val constructorProperty = indent > 0 &&
            (trimmed.endsWith(",") || trimmed.endsWith(")") || trimmed.endsWith(") {") || trimmed.endsWith(") :"))
        found += Declaration(
            "${file.path}:${i + 1}: $trimmed",
            kdocAbove(lines, i),
            constructorProperty && classDocHasProperty(lines, i, indent - 4, name),
        )
    }
    return found
}

/** A class's header up to its constructor, without the constructor's visibility. */
private fun classHeader(line: String): String = line.substringBefore('(').replace(NON_PUBLIC_CONSTRUCTOR, "")

private val NON_PUBLIC_CONSTRUCTOR = Regex("""\b(private|internal|protected)\s+constructor\b""")

/** The KDoc block that ends right above the declaration, above its annotations, or null. */
private fun kdocAbove(lines: List<String>, index: Int): String? {
    var j = index - 1
    while (j >= 0 && lines[j].trim().startsWith("@")) j--
    if (j < 0 || !lines[j].trim().endsWith("*/")) return null
    var k = j
    while (k > 0 && !lines[k].trim().startsWith("/**")) k--
    return lines.subList(k, j + 1).joinToString("\n")
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
