// The audit of every regular expression the product runs: none may backtrack super-linearly on the text of a
// file. scslre (the analysis behind eslint-plugin-regexp's no-super-linear-backtracking) reads each literal of
// server/src and the patterns JVM001 builds from the catalog (Spark keys are matched by name and prefix only). Three expressions were
// quadratic (a fractional size followed by blanks and a stray character took seconds); their linear rewrites are
// held to the old ones by a differential test over every short string of the characters that matter.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyse } from 'scslre';
import { RegExpParser } from '@eslint-community/regexpp';
import { wholeEquivalent } from '../../server/src/engine/valueCheck';
import { CLOUDFORMATION_KEY } from '../../server/src/rules/EMR012-job-run-configuration-limit';
import { DIRECTIVE, suppressionsOf } from '../../server/src/engine/suppressions';
import { readProperties } from '../../server/src/formats/properties/reader';
import { repoRoot } from '../helpers';

const parser = new RegExpParser();

/** What scslre finds wrong with a literal such as `/a+b/g`: one line per super-linear part. */
function superLinear(literal: string): string[] {
  const { reports } = analyse(parser.parseLiteral(literal), { reportTypes: { Move: true, Self: true, Trade: true } });
  return reports.map((r) => `${r.type}${r.exponential ? ' (exponential)' : ''}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every regular expression literal of server/src, with where it is. */
function regexLiterals(): { where: string; literal: string }[] {
  const found: { where: string; literal: string }[] = [];
  for (const file of sourceFiles(path.join(repoRoot, 'server', 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ where: `${path.relative(repoRoot, file)}:${line}`, literal: node.getText() });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Literals that scslre reports and that never see a file's text: they split the catalog's own flag syntaxes
 * (`-Xloggc:<file>`), which we write.
 */
const CATALOG_ONLY = new Set(['/(<[^>]+>)/', '/<([^>]+)>/g']);

describe('regular expressions', () => {
  test('no literal in server/src backtracks super-linearly', () => {
    const literals = regexLiterals();
    // The audit saw what it should: there were 97 when the format adapters landed.
    assert.ok(literals.length >= 70, `${literals.length} literals`);
    const problems = literals.filter((r) => !CATALOG_ONLY.has(r.literal)).flatMap((r) => superLinear(r.literal).map((p) => `${r.where} ${r.literal}: ${p}`));
    assert.deepEqual(problems, []);
    // The allowed ones are still there (otherwise the list is stale).
    for (const literal of CATALOG_ONLY) assert.ok(literals.some((r) => r.literal === literal), literal);
  });

  test('the catalog matches Spark keys by name and by prefix: no key pattern of the data runs on a file', () => {
    // Open-ended keys (spark.executorEnv.*, Kubernetes labels ...) are namespaces compared with startsWith, not patterns.
    const generated = path.join(repoRoot, 'server', 'src', 'catalog', 'generated');
    const extras = JSON.parse(readFileSync(path.join(generated, 'spark-extras.json'), 'utf8')) as { namespaces: { prefix: string }[] };
    assert.ok(extras.namespaces.length > 20);
    assert.deepEqual(extras.namespaces.map((n) => n.prefix).filter((p) => !/^spark\.[A-Za-z0-9_.-]*\.$/.test(p)), []);
    for (const name of readdirSync(generated)) assert.ok(!readFileSync(path.join(generated, name), 'utf8').includes('"namePattern"'), name);
  });

  test('JVM001 matches an argument against a flag syntax with one (.+) at most, which is linear', () => {
    const jvm = readFileSync(path.join(repoRoot, 'server', 'src', 'catalog', 'generated', 'jvm.json'), 'utf8');
    const syntaxes: string[] = [];
    JSON.parse(jvm, (key, value: unknown) => {
      if (key === 'syntax' && typeof value === 'string') syntaxes.push(value);
      return value;
    });
    assert.ok(syntaxes.length > 0);
    assert.deepEqual(syntaxes.filter((s) => (s.match(/</g) ?? []).length > 1), []);
  });
});

/** Every string of up to `length` characters of the alphabet (most of them), then random longer ones, from a fixed seed. */
function* strings(alphabet: string[], length: number, random: number): Generator<string> {
  const all = (n: number): string[] => (n === 0 ? [''] : all(n - 1).flatMap((s) => alphabet.map((c) => s + c)));
  for (let n = 0; n <= length; n++) yield* all(n);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < random; i++) {
    let s = '';
    for (let k = Math.floor(next() * 24); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
}

describe('the rewritten expressions read every input as before', () => {
  test('wholeEquivalent: a fractional size or duration with blanks and a unit', () => {
    // The expression before the rewrite, as it was.
    const before = (raw: string): string | undefined => {
      const match = /^\s*([0-9]+\.[0-9]+)\s*([a-zA-Z]*)\s*$/.exec(raw);
      if (!match) return undefined;
      const amount = Number(match[1]);
      const unit = match[2].toLowerCase();
      const steps: Record<string, [number, string]> = {
        t: [1024, 'g'], tb: [1024, 'g'], g: [1024, 'm'], gb: [1024, 'm'], m: [1024, 'k'], mb: [1024, 'k'], k: [1024, 'b'], kb: [1024, 'b'],
        d: [24, 'h'], h: [60, 'min'], min: [60, 's'], s: [1000, 'ms'], ms: [1000, 'us'],
      };
      const step = steps[unit];
      if (!step) return undefined;
      const converted = amount * step[0];
      return Number.isInteger(converted) ? `${converted}${step[1]}` : String(Math.round(converted)) + step[1];
    };
    let count = 0;
    let matched = 0;
    for (const body of strings(['1', '.', '5', ' ', '\t', 'g', 'M', 'i', 'n', '!', '\u00a0'], 5, 150_000)) {
      for (const raw of [body, `1.5${body}`, `${body}1.5`]) {
        const expected = before(raw);
        assert.equal(wholeEquivalent(raw), expected, JSON.stringify(raw));
        count++;
        if (expected !== undefined) matched++;
      }
    }
    assert.ok(count > 500_000 && matched > 1000, `${count} inputs, ${matched} converted`);
  });

  test('EMR012: the keys CloudFormation accepts for EMR Serverless', () => {
    const before = /^[a-zA-Z]+[-a-zA-Z0-9_.]*$/;
    let count = 0;
    for (const key of strings(['a', 'Z', '0', '-', '_', '.', '!', ' ', 'é'], 6, 100_000)) {
      assert.equal(CLOUDFORMATION_KEY.test(key), before.test(key), JSON.stringify(key));
      count++;
    }
    assert.ok(count > 600_000, `${count} inputs`);
  });

  test('suppression directives: the same rule names and reasons', () => {
    const before = /^[#!]\s*emr-spark-lint-disable-next-line\s+(.*)$/;
    const after = DIRECTIVE;
    let count = 0;
    for (const tail of strings([' ', '\t', '\u2028', '\u00a0', 'S', ',', '-', 'x'], 6, 100_000)) {
      for (const text of [`# emr-spark-lint-disable-next-line${tail}`, `!emr-spark-lint-disable-next-line ${tail}`]) {
        assert.deepEqual(after.exec(text)?.slice(), before.exec(text)?.slice(), JSON.stringify(text));
        count++;
      }
    }
    assert.ok(count > 500_000, `${count} inputs`);
    // The expression in the product is the one tested: a directive is read through it.
    const model = readProperties('# emr-spark-lint-disable-next-line   SPK001, EMR006 -- generated\nspark.x 1\n');
    assert.deepEqual(suppressionsOf(model).map((s) => [s.rules, s.reason]), [[['SPK001', 'EMR006'], 'generated']]);
  });
});
