// One root cause, one finding: past a JSON (or YAML) syntax error the parser only guesses at the structure, so what it
// reads there (a phantom key, a number where a quote went missing, a second "syntax error" from the same stray quote)
// is not reported. Properties files have no such cascade: Java reads each line on its own.
import type { Finding } from '../engine/findings';
import type { ConfigModel, SyntaxProblem } from '../engine/model';

/** The first syntax problem of a JSON or YAML document, if it has any. */
export function firstJsonSyntaxProblem(model: ConfigModel): SyntaxProblem | undefined {
  if (model.format === 'properties' || model.syntaxProblems.length === 0) return undefined;
  return model.syntaxProblems.reduce((first, p) => (p.span.start < first.span.start ? p : first));
}

/**
 * Where the first JSON syntax problem's effects begin: at the token just before it on its line (a key that swallowed
 * a stray quote, a number that lost its quotes), else at the problem itself.
 */
function cascadeStart(model: ConfigModel): number | undefined {
  const first = firstJsonSyntaxProblem(model);
  if (!first) return undefined;
  const text = model.text;
  let i = first.span.start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r') return first.span.start;
  const last = text[i - 1];
  if (last === '"') {
    // Back to the quote that opens this string (one not escaped by an odd run of backslashes), on the same line.
    for (let j = i - 2; j >= 0 && text[j] !== '\n' && text[j] !== '\r'; j--) {
      if (text[j] !== '"') continue;
      let slashes = 0;
      while (j - slashes - 1 >= 0 && text[j - slashes - 1] === '\\') slashes++;
      if (slashes % 2 === 0) return j;
    }
    return first.span.start;
  }
  if (/[A-Za-z0-9.+\-]/.test(last)) {
    let j = i - 1;
    while (j > 0 && /[A-Za-z0-9.+\-]/.test(text[j - 1])) j--;
    return j;
  }
  return first.span.start;
}

/** The findings without those that the first JSON syntax problem may have caused (the syntax finding itself stays). */
export function withoutSyntaxCascade(model: ConfigModel, findings: Finding[], syntaxRuleId: string): Finding[] {
  const start = cascadeStart(model);
  if (start === undefined) return findings;
  return findings.filter((f) => f.ruleId === syntaxRuleId || f.span.start < start);
}
