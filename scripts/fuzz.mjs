#!/usr/bin/env node
// A seeded fuzzer for the engine, the CLI and the language server (`npm run fuzz`; a 2,000-input smoke run of the
// engine part is test/unit/fuzzSmoke.test.ts, which imports runFuzz from here).
//
// Inputs are mutations of test/fixtures/** and examples/* in both formats: byte flips, truncation at every offset
// (sampled for big files), token insertion, deletion and duplication, nesting 10,000 deep, 1 MB strings, Unicode,
// BOM, CRLF and lone CR, NUL, numbers where strings go and the reverse, splices of two files, properties-file
// escapes and continuations, a JSON text read as a properties file and the reverse, and planted secrets (passwords
// under credential keys, in JDBC and LDAP URLs, -D options, filter params, Kerberos attributes, numeric passwords).
// For each input: the engine must not throw (nor any rule); every finding's span, related span and fix edit lies
// inside the document; every fix applies (applyEdits) and leaves no more syntax problems than before; the analysis
// takes less than TIME_BOUND_MS; no secret SEC001/SEC002 flag appears in a message or fix title, and a fix that
// writes one is marked. A sample also goes through dist/cli.js in text, JSON and SARIF (exit 0, 1 or 2, never a stack
// trace, no secret printed) and through one long-lived language server (it must answer every document, and no
// diagnostic, hover, code lens, code action title or log line may carry a secret; no handler error is logged).
// Then hostile project files (kinds of file, sizes, globs meant to backtrack) through the loader and the matcher.
//
// Usage: node scripts/fuzz.mjs [--count 100000] [--seed 1] [--cli 500] [--server 1000] [--projects count/50]
// Needs out/ (tsc -p tsconfig.test.json) and dist/ (npm run build): `npm run fuzz` does both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** An analysis slower than this (the lesser of wall and CPU time) is a failure; the slowest input is reported either way. */
export const TIME_BOUND_MS = 2000;
/** Fixes applied and re-parsed per input, at most. */
const MAX_FIXES_CHECKED = 40;

function engine() {
  const analyze = require(join(root, 'out', 'server', 'src', 'analysis', 'analyze.js'));
  const formats = require(join(root, 'out', 'server', 'src', 'formats', 'index.js'));
  const findings = require(join(root, 'out', 'server', 'src', 'engine', 'findings.js'));
  const secrets = require(join(root, 'out', 'server', 'src', 'engine', 'secrets.js'));
  return { analyzeText: analyze.analyzeText, readDocument: formats.readDocument, applyEdits: findings.applyEdits, documentSecrets: secrets.documentSecrets };
}

/**
 * The secrets of an analysed document that no output may repeat: every value SEC001 or SEC002 flags (found
 * whether or not the rules are on), 8 characters or more (shorter ones occur in ordinary words and numbers).
 */
export function flaggedSecrets(e, analysis) {
  const texts = new Set();
  for (const secret of e.documentSecrets(analysis.model)) if (secret.value.length >= 8) texts.add(secret.value);
  for (const f of analysis.findings) {
    if (f.ruleId !== 'SEC002') continue;
    const written = analysis.model.text.slice(f.span.start, f.span.end).replace(/^"|"$/g, '');
    if (written.length >= 8) texts.add(written);
  }
  return [...texts];
}

// ---- randomness --------------------------------------------------------------------------------------------------


function tools(random) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  return { random, int, pick, chance: (p) => random() < p };
}

// ---- corpus ------------------------------------------------------------------------------------------------------

/** Every fixture and example, with the file name that selects its format. */
export function corpus() {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  })(join(root, 'test', 'fixtures'));
  for (const name of readdirSync(join(root, 'examples')).sort()) files.push(join(root, 'examples', name));
  const out = [];
  for (const file of files) {
    const base = file.split('/').pop();
    if (base.endsWith('.expected.json') || base === 'options.json') continue;
    const inner = base.replace(/\.fixed$/, '');
    const format = /\.jsonc$/.test(inner) ? 'jsonc' : /\.json$/.test(inner) ? 'json' : /\.conf$/.test(inner) ? 'conf' : /\.ya?ml$/.test(inner) ? 'yaml' : undefined;
    if (!format) continue;
    out.push({ name: relative(root, file), format, text: readFileSync(file, 'utf8') });
  }
  return out;
}

const fileNameFor = (format) => (format === 'jsonc' ? 'fuzz.jsonc' : format === 'json' ? 'fuzz.json' : format === 'yaml' ? 'fuzz.yaml' : 'spark-defaults.conf');

// ---- mutators ----------------------------------------------------------------------------------------------------

const JSON_TOKEN = /"(?:[^"\\\n\r]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]:,]|\s+|[^\s{}[\]:,"]+/g;
function jsonTokens(text) {
  const tokens = [];
  for (const m of text.matchAll(JSON_TOKEN)) tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return tokens;
}

const TOKENS = ['{', '}', '[', ']', ':', ',', '"x"', '""', '"spark.executor.memory"', '"Classification"', '"Configurations"', '"Properties"', '"InstanceGroups"', '"ReleaseLabel"', '"emr-6.1.0"', '"spark-defaults"', '1', '-0', '1e999', '1.5', '-1', '12345678901234567890', 'true', 'false', 'null', '"\\u12"', '"\\uZZZZ"', '"\\"', '/* c */', '// c\n', '\\', '"', "'", 'NaN', 'Infinity'];
const UNICODE = ['é', 'ß', 'İ', 'ﬁ', 'K', '\u0301', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\u00a0', '\u3000', '日本', '😀', '👩‍👩‍👧', '\ud800', '\udfff', '\ufffd', '\uffff', '\u0085', '𝔰𝔭𝔞𝔯𝔨', 'ｓｐａｒｋ'];
const CHARS = ['{', '}', '[', ']', '"', ':', ',', '\\', '=', ' ', '\t', '\n', '\r', '#', '!', '0', '9', 'a', 'Z', '.', '-', '$', '\u0000', '\u0001', '\u001f', '\u007f'];
const CONF_LINES = ['spark.executor.memory = 4g', 'spark.executor.memory', '= value', ':', 'spark.key\\', '\\', 'key\\ with\\ spaces = v', 'spark.driver.memory \\u00', 'spark.x = \\uZZZZ', 'spark.x = \\u0041\\u', '# emr-spark-lint-disable-next-line SPK001 -- reason', '# emr-spark-lint-disable-next-line', '! comment', 'spark.executor.extraJavaOptions -Xmx4g -XX:+UseG1GC -XX:+UseParallelGC', 'spark.executor.cores 0.5', 'spark.executor.instances -3', 'fs.s3a.secret.key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'spark.hadoop.fs.s3a.access.key AKIAIOSFODNN7EXAMPLE', 'spark.network.timeout 10s', 'spark.executor.heartbeatInterval 20s'];

const bigContent = (t, size) =>
  t.pick([
    () => 'a'.repeat(size),
    () => {
      let chunk = '';
      for (let i = 0; i < 997; i++) chunk += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[t.int(0, 63)];
      return chunk.repeat(Math.ceil(size / 997)).slice(0, size);
    },
    () => '\\\\'.repeat(size / 2),
    () => '-XX:'.repeat(size / 4),
    () => '${'.repeat(size / 2),
    () => '😀'.repeat(size / 2),
    () => 'AKIA'.repeat(size / 4),
  ])();

/** Each mutator takes { text, format } and returns the new text (format may change). */
const MUTATORS = {
  flip(t, doc) {
    let text = doc.text;
    for (let k = t.int(1, 6); k > 0 && text.length > 0; k--) {
      const at = t.int(0, text.length - 1);
      text = text.slice(0, at) + t.pick(t.chance(0.2) ? UNICODE : CHARS) + text.slice(at + 1);
    }
    return text;
  },
  truncate(t, doc) {
    return doc.text.slice(0, t.int(0, doc.text.length));
  },
  insertToken(t, doc) {
    if (doc.format === 'conf' && t.chance(0.5)) {
      const lines = doc.text.split('\n');
      lines.splice(t.int(0, lines.length), 0, t.pick(CONF_LINES));
      return lines.join('\n');
    }
    const tokens = jsonTokens(doc.text);
    const at = tokens.length ? t.pick(tokens)[t.chance(0.5) ? 'start' : 'end'] : 0;
    return doc.text.slice(0, at) + t.pick(TOKENS) + doc.text.slice(at);
  },
  deleteToken(t, doc) {
    const tokens = jsonTokens(doc.text).filter((x) => x.text.trim() !== '');
    if (tokens.length === 0) return doc.text;
    const x = t.pick(tokens);
    return doc.text.slice(0, x.start) + doc.text.slice(x.end);
  },
  duplicate(t, doc) {
    if (doc.format === 'conf') {
      const lines = doc.text.split('\n');
      const i = t.int(0, lines.length - 1);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    const tokens = jsonTokens(doc.text);
    if (tokens.length === 0) return doc.text;
    const a = t.int(0, tokens.length - 1);
    const b = Math.min(tokens.length - 1, a + t.int(0, 12));
    const piece = doc.text.slice(tokens[a].start, tokens[b].end);
    return doc.text.slice(0, tokens[b].end) + (t.chance(0.5) ? ',' : '') + piece + doc.text.slice(tokens[b].end);
  },
  swapTypes(t, doc) {
    if (doc.format === 'conf') {
      // Keys and values swapped, numbers for keys, separators changed.
      return doc.text.replace(/^([^#!\s][^=:\s]*)(\s*[=: ]\s*)(.*)$/gm, (all, key, sep, value) =>
        t.chance(0.3) ? t.pick([`${value}${sep}${key}`, `${t.int(0, 9999)}${sep}${value}`, `${key}${t.pick(['=', ':', ' ', '\t', '  =  '])}${value}`, `${key}${sep}${t.pick(['1.5', '-1', '0', '4', 'true', '1e3', ''])}`]) : all,
      );
    }
    const tokens = jsonTokens(doc.text).filter((x) => x.text.trim() !== '');
    let text = doc.text;
    for (let k = t.int(1, 4); k > 0; k--) {
      const values = jsonTokens(text).filter((x) => x.text.trim() !== '' && x.text !== ':' && !/^[{}[\],]$/.test(x.text));
      if (values.length === 0 || tokens.length === 0) break;
      const x = t.pick(values);
      let replacement;
      if (x.text.startsWith('"')) replacement = t.pick(['4', '1.5', '-1', '0', '1e400', '12345678901234567890', 'true', 'false', 'null', '{}', '[]', '{"a": "b"}', '["x"]', `[${x.text}]`, `{${x.text}: ${x.text}}`]);
      else if (/^-?\d/.test(x.text)) replacement = t.pick([`"${x.text}"`, `"${x.text}g"`, `"${x.text}.5"`, 'true', '[]']);
      else replacement = t.pick([`"${x.text}"`, '0', '{}']);
      text = text.slice(0, x.start) + replacement + text.slice(x.end);
    }
    return text;
  },
  unicode(t, doc) {
    let text = doc.text;
    for (let k = t.int(1, 5); k > 0; k--) {
      const at = t.int(0, text.length);
      text = text.slice(0, at) + t.pick(UNICODE) + text.slice(at);
    }
    return text;
  },
  bom(t, doc) {
    return t.pick(['\ufeff' + doc.text, '\ufeff\ufeff' + doc.text, doc.text + '\ufeff', doc.text.replace('\n', '\n\ufeff')]);
  },
  lineEnds(t, doc) {
    return t.pick([doc.text.replace(/\n/g, '\r\n'), doc.text.replace(/\n/g, '\r'), doc.text.replace(/\n/g, () => t.pick(['\n', '\r\n', '\r', '\n\r'])), doc.text.replace(/\r?\n/g, '\u2028')]);
  },
  nul(t, doc) {
    let text = doc.text;
    for (let k = t.int(1, 3); k > 0; k--) {
      const at = t.int(0, text.length);
      text = text.slice(0, at) + '\u0000' + text.slice(at);
    }
    return text;
  },
  splice(t, doc, all) {
    const other = t.pick(all).text;
    const a = t.int(0, other.length);
    const piece = other.slice(a, a + t.int(1, 200));
    const at = t.int(0, doc.text.length);
    return doc.text.slice(0, at) + piece + doc.text.slice(at);
  },
  confEscapes(t, doc) {
    const lines = doc.text.split('\n');
    for (let k = t.int(1, 4); k > 0; k--) {
      const i = t.int(0, lines.length - 1);
      lines[i] = t.pick([`${lines[i]}\\`, `${lines[i]}\\\\`, `${lines[i]}\\u12`, `  \\${lines[i]}`, lines[i].replace(/[=: ]/, '\\='), `${lines[i]} \\\n   continued`, lines[i].replace(/\\/g, '')]);
    }
    return lines.join('\n');
  },
  deepNesting(t, doc) {
    const depth = t.pick([10_000, 10_000, 1_001, 999, 5_000]);
    const inner = t.pick([
      () => '['.repeat(depth) + ']'.repeat(depth),
      () => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
      () => '{"Classification":"spark-env","Configurations":['.repeat(depth / 2) + ']}'.repeat(depth / 2),
      () => '['.repeat(depth),
      () => '{"Configurations":[{"Classification":"x","Properties":'.repeat(depth / 3),
      () => `"${'['.repeat(depth)}"`,
    ])();
    if (doc.format === 'conf') return t.pick([doc.text + '\nspark.x=' + 'a\\\n'.repeat(depth) + 'b\n', doc.text + '\n' + inner, 'k=v\n'.repeat(depth)]);
    const tokens = jsonTokens(doc.text).filter((x) => x.text.startsWith('"') || /^-?\d|true|false|null/.test(x.text));
    if (tokens.length === 0 || t.chance(0.2)) return inner;
    const x = t.pick(tokens);
    return doc.text.slice(0, x.start) + inner + doc.text.slice(x.end);
  },
  bigString(t, doc) {
    const size = t.pick([1_000_000, 100_000, 1_048_576]);
    const content = bigContent(t, size);
    if (doc.format === 'conf') {
      return t.pick([`${doc.text}\nspark.executor.extraJavaOptions ${content}\n`, `${doc.text}\n${content} = 1\n`, `spark.executor.memory ${content}\n${doc.text}`]);
    }
    const strings = jsonTokens(doc.text).filter((x) => x.text.startsWith('"'));
    if (strings.length === 0) return `["${content}"]`;
    const x = t.pick(strings);
    return doc.text.slice(0, x.start) + JSON.stringify(content.replace(/\\\\/g, '\\')).slice(0, t.chance(0.1) ? -1 : undefined) + doc.text.slice(x.end);
  },
  plantSecret(t, doc) {
    const secret = `Zq${t.int(100000, 999999)}Pl4nted`;
    if (doc.format === 'conf') {
      const line = t.pick([
        `spark.ssl.keyPassword ${secret}`,
        `spark.hadoop.javax.jdo.option.ConnectionURL jdbc:sqlserver://db:1433;user=hive;password=${secret};encrypt=true`,
        `spark.sql.catalog.pg.url jdbc:postgresql://db/hive?user=hive&password=${secret}&ssl=true`,
        `spark.executor.extraJavaOptions -XX:+UseG1GC -Djavax.net.ssl.trustStorePassword=${secret}`,
        `spark.com.example.AuthFilter.params user=admin,password=${secret}`,
        `spark.hadoop.hive.server2.authentication.ldap.url ldap://admin:${secret}@ldap:389`,
        `spark.hadoop.fs.s3a.access.key AKIA${String(t.int(1e15, 9e15)).slice(0, 16)}`,
      ]);
      const lines = doc.text.split('\n');
      lines.splice(t.int(0, lines.length), 0, line);
      return lines.join('\n');
    }
    const number = `9${t.int(10_000_000, 99_999_999)}`;
    return t.pick([
      () => doc.text.replace(/"Properties"\s*:\s*\{/, (all) => `${all}"javax.jdo.option.ConnectionPassword": ${number}, `),
      () => doc.text.replace(/"Properties"\s*:\s*\{/, (all) => `${all}"javax.jdo.option.ConnectionURL": "jdbc:mysql://db/hive?user=hive&password=${secret}", `),
      () => doc.text.replace(/"Properties"\s*:\s*\{/, (all) => `${all}"spark.authenticate.secret": "${secret}", `),
      () => doc.text.replace(/^\s*\{/, (all) => `${all}"KerberosAttributes": {"Realm": "EC2.INTERNAL", "KdcAdminPassword": "${secret}", "ADDomainJoinPassword": "${secret}x"}, `),
      () => doc.text.replace(/"Properties"\s*:\s*\{/, (all) => `${all}"spark.executor.extraJavaOptions": "-Dldap.url=ldap://cn=admin:${secret}@ldap -Dkey.storePassword=${secret}y", `),
    ])();
  },
  otherFormat(t, doc) {
    doc.format = doc.format === 'conf' ? 'json' : 'conf';
    return doc.text;
  },
};

const WEIGHTS = { flip: 16, truncate: 8, insertToken: 12, deleteToken: 10, duplicate: 6, swapTypes: 12, unicode: 7, bom: 3, lineEnds: 4, nul: 3, splice: 6, confEscapes: 5, otherFormat: 2, deepNesting: 0.4, bigString: 0.4, plantSecret: 10 };
const WEIGHTED = Object.entries(WEIGHTS);
const TOTAL_WEIGHT = WEIGHTED.reduce((s, [, w]) => s + w, 0);
function chooseMutator(t) {
  let r = t.random() * TOTAL_WEIGHT;
  for (const [name, w] of WEIGHTED) if ((r -= w) < 0) return name;
  return 'flip';
}

const OPTIONS = [
  {},
  {},
  {},
  { cluster: { instanceType: 'r5.12xlarge', instanceCount: 19 } },
  { cluster: { instanceType: 'm5.xlarge', instanceCount: 3, taskInstanceType: 'c5.4xlarge', taskInstanceCount: 2 } },
  { release: 'emr-6.1.0' },
  { release: 'emr-5.36.0', cluster: { instanceType: 'm5.2xlarge', instanceCount: 2 } },
  { release: 'emr-7.13.0', severities: { SPK001: 'off', 'plaintext-secret': 'error' } },
];

/**
 * The inputs of a run, deterministic for a seed: first a truncation sweep (every offset of each corpus file,
 * evenly sampled when the sweep would take more than 30 % of the run), then random mutations, one to three at a time.
 */
export function* inputs({ seed, count, files = corpus() }) {
  const t = tools(prng(seed));
  const sweep = [];
  for (const file of files) {
    const step = file.text.length > 4000 ? Math.ceil(file.text.length / 500) : 1;
    for (let at = 0; at <= file.text.length; at += step) sweep.push([file, at]);
  }
  const sweepCount = Math.min(sweep.length, Math.floor(count * 0.3));
  const stride = sweep.length / Math.max(1, sweepCount);
  let id = 0;
  for (let i = 0; i < sweepCount; i++, id++) {
    const [file, at] = sweep[Math.floor(i * stride)];
    yield { id, source: file.name, mutators: [`truncate@${at}`], text: file.text.slice(0, at), fileName: fileNameFor(file.format), options: OPTIONS[id % OPTIONS.length] };
  }
  for (; id < count; id++) {
    const file = t.pick(files);
    const doc = { text: file.text, format: file.format };
    const applied = [];
    for (let k = t.chance(0.7) ? 1 : t.int(2, 3); k > 0; k--) {
      const name = chooseMutator(t);
      applied.push(name);
      doc.text = MUTATORS[name](t, doc, files);
      if (doc.text.length > 3_000_000) break;
    }
    yield { id, source: file.name, mutators: applied, text: doc.text, fileName: fileNameFor(doc.format), options: t.pick(OPTIONS) };
  }
}

// ---- checks ------------------------------------------------------------------------------------------------------

/** Runs one input through the engine; returns the problems found (empty when it passes) and the analysis time. */
export function checkInput(e, input) {
  const problems = [];
  const { text, fileName, options } = input;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let analysis;
  try {
    analysis = e.analyzeText(text, fileName, options);
  } catch (error) {
    return { problems: [`analyzeText threw: ${error instanceof Error ? error.stack.split('\n').slice(0, 4).join(' | ') : String(error)}`], ms: performance.now() - start };
  }
  // The lesser of wall and CPU time: other processes on a busy machine stretch the one, parallel GC threads the other.
  const used = process.cpuUsage(cpu);
  const ms = Math.min(performance.now() - start, (used.user + used.system) / 1000);
  for (const failure of analysis.ruleFailures) problems.push(`rule ${failure.ruleId} threw: ${failure.error}`);
  if (ms > TIME_BOUND_MS) problems.push(`analysis took ${ms.toFixed(0)} ms (bound ${TIME_BOUND_MS} ms)`);
  const length = text.length;
  const inside = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
  const show = (s) => JSON.stringify(s);
  const before = analysis.model.syntaxProblems.length;
  // Every span is checked; of the fixes, at most MAX_FIXES_CHECKED (evenly spread), since each costs a parse
  // (10,000 repeated keys offer 9,999 fixes).
  const fixCount = analysis.findings.reduce((n, f) => n + f.fixes.length, 0);
  const every = Math.max(1, Math.ceil(fixCount / MAX_FIXES_CHECKED));
  let fixIndex = 0;
  for (const f of analysis.findings) {
    if (!inside(f.span)) problems.push(`${f.ruleId}: span ${show(f.span)} outside the document (length ${length})`);
    for (const r of f.related) if (!inside(r.span)) problems.push(`${f.ruleId}: related span ${show(r.span)} outside the document`);
    for (const fix of f.fixes) {
      if (fixIndex++ % every !== 0) continue;
      const bad = fix.edits.find((edit) => !inside(edit.span) || typeof edit.newText !== 'string');
      if (bad) {
        problems.push(`${f.ruleId} fix "${fix.title}": edit ${show(bad.span)} outside the document`);
        continue;
      }
      let fixed;
      try {
        fixed = e.applyEdits(text, fix.edits);
      } catch (error) {
        problems.push(`${f.ruleId} fix "${fix.title}" does not apply: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      let after;
      try {
        after = e.readDocument({ text: fixed, fileName }).syntaxProblems.length;
      } catch (error) {
        problems.push(`${f.ruleId} fix "${fix.title}": the fixed text does not parse (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      if (after > before) problems.push(`${f.ruleId} fix "${fix.title}": ${after} syntax problems after the fix, ${before} before`);
    }
  }
  // No flagged secret in a message, a related message or a fix title; a fix that writes one is marked, so that
  // JSON and SARIF leave its edits out.
  const secrets = flaggedSecrets(e, analysis);
  for (const f of analysis.findings) {
    const shown = [f.message, ...f.related.map((r) => r.message), ...f.fixes.map((x) => x.title)].join('\n');
    for (const secret of secrets) {
      if (shown.includes(secret)) problems.push(`${f.ruleId} repeats a secret (${secret.length} characters) in its message or a fix title`);
      for (const fix of f.fixes) if (!fix.carriesSecret && fix.edits.some((edit) => edit.newText.includes(secret))) problems.push(`${f.ruleId} fix "${fix.title}" writes a secret and is not marked`);
    }
  }
  return { problems, ms, findings: analysis.findings.length, secrets };
}

// ---- the CLI and the server ------------------------------------------------------------------------------------

/** Runs the CLI on files in one format; problems with its exit, stderr, output shape, and any secret it printed. */
function runCli(files, format, secrets) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', format, ...files], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const problems = [];
  if (![0, 1, 2].includes(result.status ?? -1)) problems.push(`exit status ${result.status} (signal ${result.signal})`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(result.stderr)) problems.push(`stack trace on stderr: ${result.stderr.slice(0, 500)}`);
  if (/internal error|failed on/.test(result.stderr)) problems.push(`stderr: ${result.stderr.trim().slice(0, 300)}`);
  if (format !== 'text' && (result.status === 0 || result.status === 1)) {
    try {
      JSON.parse(result.stdout);
    } catch {
      problems.push(`--format ${format} printed something that is not JSON`);
    }
  }
  for (const secret of secrets) if (result.stdout.includes(secret) || result.stderr.includes(secret)) problems.push(`--format ${format} printed a secret (${secret.length} characters)`);
  return problems;
}

/** Every format of the CLI on the files. */
function runCliFormats(files, secrets) {
  return ['json', 'sarif', 'text'].flatMap((format) => runCli(files, format, secrets));
}

function checkCli(sample, log) {
  const dir = mkdtempSync(join(tmpdir(), 'emr-fuzz-cli-'));
  const failures = [];
  try {
    const paths = sample.map((input) => {
      const file = join(dir, `${input.id}-${input.fileName}`);
      writeFileSync(file, input.text);
      return { input, file, nul: input.text.includes('\u0000') };
    });
    // Files the CLI refuses (NUL bytes: exit 2) go alone, so that they do not hide the others of a batch.
    const alone = paths.filter((p) => p.nul);
    const batched = paths.filter((p) => !p.nul);
    const groups = [...alone.map((p) => [p])];
    for (let i = 0; i < batched.length; i += 25) groups.push(batched.slice(i, i + 25));
    for (const group of groups) {
      const problems = runCliFormats(group.map((p) => p.file), group.flatMap((p) => p.input.secrets ?? []));
      if (problems.length === 0) continue;
      // Find the file(s) responsible.
      for (const p of group) {
        const own = group.length === 1 ? problems : runCliFormats([p.file], p.input.secrets ?? []);
        if (own.length > 0) failures.push({ input: p.input, problems: own.map((x) => `CLI: ${x}`) });
      }
    }
    log(`  CLI: ${sample.length} inputs in ${groups.length} runs of each format (text, JSON, SARIF), ${failures.length} failures`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}

async function checkServer(sample, log) {
  const { LspHarness } = require(join(root, 'out', 'test', 'lsp', 'harness.js'));
  const server = new LspHarness();
  const failures = [];
  await server.initialize();
  const t = tools(prng(7));
  const languageId = (fileName) => (fileName.endsWith('.conf') ? 'spark-properties' : fileName.endsWith('.jsonc') ? 'jsonc' : fileName.endsWith('.yaml') ? 'yaml' : 'json');
  // Errors the server logged, and any log line or message that carries a secret of the input.
  const logErrors = (secrets) => {
    const errors = server.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
    const logged = server.notifications.map((n) => JSON.stringify(n.params)).join('\n') + server.stderr;
    for (const secret of secrets) if (logged.includes(secret)) errors.push(`a log line or message carries a secret (${secret.length} characters)`);
    server.notifications.length = 0;
    return errors;
  };
  for (const [i, input] of sample.entries()) {
    const uri = `file:///fuzz/${input.id}/${input.fileName}`;
    const problems = [];
    try {
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: languageId(input.fileName), version: 1, text: input.text } });
      const published = await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 30_000);
      const lines = input.text.split(/\r\n|\r|\n/);
      for (const d of published.diagnostics) {
        for (const end of [d.range.start, d.range.end]) {
          if (end.line < 0 || end.line >= lines.length || end.character < 0 || end.character > lines[end.line].length) problems.push(`diagnostic ${d.code} range ${JSON.stringify(d.range)} outside the document`);
        }
      }
      // Everything the server says about the document, to look for secrets in.
      const said = [JSON.stringify(published.diagnostics)];
      const answer = (method, params) =>
        Promise.race([server.request(method, params), new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${method} answer within 30 s`)), 30_000).unref())]);
      if (i % 5 === 0) {
        const line = t.int(0, lines.length - 1);
        said.push(JSON.stringify(await answer('textDocument/hover', { textDocument: { uri }, position: { line, character: t.int(0, lines[line].length) } })));
        // Key positions of the lines that hold a secret, where a hover would be about that key.
        for (const [n, text] of lines.entries()) {
          if ((input.secrets ?? []).some((secret) => text.includes(secret))) said.push(JSON.stringify(await answer('textDocument/hover', { textDocument: { uri }, position: { line: n, character: Math.min(text.length, 6) } })));
        }
        said.push(JSON.stringify(await answer('textDocument/codeLens', { textDocument: { uri } })));
        for (const d of published.diagnostics.slice(0, 5)) {
          const actions = await answer('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
          said.push(...actions.map((a) => a.title));
        }
      }
      for (const secret of input.secrets ?? []) if (said.some((x) => x.includes(secret))) problems.push(`a secret (${secret.length} characters) in a diagnostic, hover, code lens or code action title`);
      server.notify('textDocument/didClose', { textDocument: { uri } });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    for (const message of logErrors(input.secrets ?? [])) problems.push(`server logged: ${message.slice(0, 300)}`);
    if (server.exited !== null) problems.push(`server exited with ${server.exited}`);
    if (problems.length > 0) failures.push({ input, problems: problems.map((p) => `server: ${p}`) });
    if (server.exited !== null) break;
  }
  // Still answering at the end.
  if (server.exited === null) {
    const uri = 'file:///fuzz/final/spark-defaults.conf';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'spark-properties', version: 1, text: 'spark.executor.memory 4g\n' } });
    await server.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    if (!hover) failures.push({ input: { id: 'final', source: '-', mutators: [], text: '', fileName: 'spark-defaults.conf' }, problems: ['server: no hover on spark.executor.memory at the end'] });
  }
  await server.shutdown();
  log(`  server: ${sample.length} documents opened; every fifth hovered, its code lenses and code actions asked for; ${failures.length} failures`);
  return failures;
}

// ---- hostile project files -------------------------------------------------------------------------------------

const GLOB_PIECES = ['*', '**', '?', '/', 'a', 'b', '.', '[', ']', '[a-z]', '{', '}', ',', '\\', '!', '(', '|', ')', '+', '@', 'x.json', '*.conf', '**/', '*a', 'a*'];
const COUNTS = [1, 3, 0, -1, 1.5, 1e308, 10_000, 10_001, '3', null, 2 ** 53];
const PATHS = [
  'jobs/a.conf',
  `${Array(60).fill('d').join('/')}/y.json`,
  'a'.repeat(200),
  `${Array(500).fill('aaaa').join('/')}/${'a'.repeat(255)}`,
  '../outside.conf',
  `${'a'.repeat(300)}/x.json`,
];

function randomGlob(t) {
  let glob = '';
  for (let k = t.int(1, 12); k > 0; k--) glob += t.pick(GLOB_PIECES);
  return t.chance(0.1) ? t.pick(['*a*a*a*a*b', '*a*a*b', '**/**/**/**/x.json', `${'**/a/'.repeat(40)}b`, `${'*'.repeat(300)}`, '+(a|aa)*b', '{1..100000}']) : glob;
}

/** The text of a random project file: valid or not, small or over the size limit, globs meant to backtrack. */
function projectText(t) {
  // Mostly valid but for the globs, so that most files reach the matcher; now and then a wrong field.
  const count = () => (t.chance(0.9) ? t.int(1, 40) : t.pick(COUNTS));
  const clusters = Array.from({ length: t.chance(0.05) ? t.int(90, 150) : t.int(0, 8) }, () => ({ files: randomGlob(t), instanceType: t.chance(0.95) ? t.pick(['m5.xlarge', 'r5.12xlarge', 'nope']) : 7, instanceCount: count() }));
  const value = {
    release: t.chance(0.9) ? 'emr-7.13.0' : t.pick(['emr-x', 3]),
    cluster: t.chance(0.5) ? { instanceType: 'm5.xlarge', instanceCount: count() } : undefined,
    clusters,
    rules: t.chance(0.9) ? t.pick([{}, { SPK001: 'off' }]) : t.pick([{ SEC001: 'nope' }, []]),
  };
  const text = JSON.stringify(value, null, t.pick([0, 2]));
  return t.pick([
    () => text,
    () => text,
    () => text,
    () => `// comment\n${text.slice(0, -1)}, /* trailing */ }`,
    () => text.slice(0, t.int(0, text.length)),
    () => `${text}\n// ${'x'.repeat(70 * 1024)}`,
    () => '['.repeat(t.int(1000, 60_000)),
    () => '\ufeff' + text,
  ])();
}

/**
 * Project files through the loader and the glob matcher: the hostile kinds of file first (a link to /dev/zero,
 * a named pipe, a directory, 40 MB, a link out of the workspace, a dangling link), then `count` random ones. Each
 * must be read, or refused with a ConfigError, within TIME_BOUND_MS of CPU time, matching six hostile paths.
 * The kinds of file also go through dist/cli.js: exit 2 with one line.
 */
export function fuzzProjectFiles({ seed = 1, count = 2000, log = () => {} } = {}) {
  const load = require(join(root, 'out', 'server', 'src', 'config', 'loadProjectFile.js'));
  const config = require(join(root, 'out', 'server', 'src', 'config', 'projectConfig.js'));
  const t = tools(prng(seed + 1));
  const dir = mkdtempSync(join(tmpdir(), 'emr-fuzz-project-'));
  const failures = [];
  let slowest = 0;
  let refused = 0;
  const attempt = (name, text, make) => {
    const folder = join(dir, String(failures.length + refused + slowest).replace('.', '-') + '-' + name.replace(/\W+/g, '-'));
    mkdirSync(folder, { recursive: true });
    mkdirSync(join(folder, '.git'));
    const file = join(folder, '.emrsparkrc.json');
    if (make) make(file);
    else writeFileSync(file, text);
    const cpu = process.cpuUsage();
    const problems = [];
    try {
      const project = load.loadProjectFile(file, folder);
      for (const path of PATHS) config.optionsForFile(path, {}, project);
    } catch (error) {
      if (error instanceof config.ConfigError) refused++;
      else problems.push(`threw ${error instanceof Error ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`);
    }
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    slowest = Math.max(slowest, ms);
    if (ms > TIME_BOUND_MS) problems.push(`took ${ms.toFixed(0)} ms of CPU (bound ${TIME_BOUND_MS} ms)`);
    if (make) {
      writeFileSync(join(folder, 'spark-defaults.conf'), 'spark.executor.memory 4g\n');
      const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', join(folder, 'spark-defaults.conf')], { encoding: 'utf8', timeout: 30_000 });
      if (result.status !== 2 || result.stderr.split('\n').length !== 2) problems.push(`CLI: exit ${result.status} (signal ${result.signal}), stderr ${JSON.stringify(result.stderr.slice(0, 300))}`);
    }
    if (problems.length > 0) failures.push({ input: { id: `project ${name}`, source: 'project file', mutators: [name], text: text ?? '', fileName: '.emrsparkrc.json' }, problems });
  };
  const outside = join(dir, 'outside.json');
  writeFileSync(outside, '{}');
  const kinds = [
    ['link to /dev/zero', (file) => symlinkSync('/dev/zero', file)],
    ['named pipe', (file) => spawnSync('mkfifo', [file])],
    ['directory', (file) => mkdirSync(file)],
    ['40 MB', (file) => writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 32))],
    ['link out of the workspace', (file) => symlinkSync(outside, file)],
    ['dangling link', (file) => symlinkSync(join(dir, 'nothing-here'), file)],
  ];
  try {
    for (const [name, make] of kinds) attempt(name, undefined, make);
    for (let i = 0; i < count; i++) attempt(`random ${i}`, projectText(t));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`  project files: ${kinds.length} hostile kinds (also through the CLI) and ${count.toLocaleString('en-US')} random ones, ${refused.toLocaleString('en-US')} refused with one problem, slowest ${slowest.toFixed(1)} ms of CPU, ${failures.length} failures`);
  return { failures, count: kinds.length + count, refused, slowest };
}

// ---- the run -----------------------------------------------------------------------------------------------------

/**
 * Fuzzes `count` inputs from `seed` through the engine; `cli` and `server` inputs of them (evenly spread) also
 * through dist/cli.js and one language server. Returns the failures and the figures.
 */
export async function runFuzz({ seed = 1, count = 100_000, cli = 0, server = 0, projects = 0, log = () => {} } = {}) {
  const e = engine();
  const files = corpus();
  const failures = [];
  let slowest = { ms: -1 };
  let analysed = 0;
  let bytes = 0;
  let findings = 0;
  let withSecrets = 0;
  const cliEvery = cli > 0 ? Math.max(1, Math.floor(count / cli)) : 0;
  const serverEvery = server > 0 ? Math.max(1, Math.floor(count / server)) : 0;
  const cliSample = [];
  const serverSample = [];
  const started = performance.now();
  for (const input of inputs({ seed, count, files })) {
    const result = checkInput(e, input);
    analysed++;
    bytes += input.text.length;
    findings += result.findings ?? 0;
    if (result.secrets?.length) withSecrets++;
    if (result.ms > slowest.ms) slowest = { ms: result.ms, id: input.id, source: input.source, mutators: input.mutators, length: input.text.length, fileName: input.fileName };
    if (result.problems.length > 0) failures.push({ input, problems: result.problems });
    if (cliEvery && input.id % cliEvery === 0) cliSample.push({ ...input, secrets: result.secrets });
    if (serverEvery && (input.id + Math.floor(serverEvery / 2)) % serverEvery === 0) serverSample.push({ ...input, secrets: result.secrets });
    if (analysed % 10_000 === 0) log(`  ${analysed.toLocaleString('en-US')} inputs, ${(analysed / ((performance.now() - started) / 1000)).toFixed(0)}/s, ${failures.length} failures`);
  }
  const seconds = (performance.now() - started) / 1000;
  const projectRun = projects > 0 ? fuzzProjectFiles({ seed, count: projects, log }) : undefined;
  if (projectRun) failures.push(...projectRun.failures);
  if (cliSample.length > 0) failures.push(...checkCli(cliSample, log));
  if (serverSample.length > 0) failures.push(...(await checkServer(serverSample, log)));
  return { seed, count: analysed, seconds, perSecond: analysed / seconds, megabytes: bytes / 1e6, findings, slowest, failures, cli: cliSample.length, server: serverSample.length, projects: projectRun?.count ?? 0, withSecrets };
}

function describe(input) {
  return `#${input.id} ${input.source} [${input.mutators.join(' + ')}] as ${input.fileName}, ${input.text.length.toLocaleString('en-US')} chars`;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const seed = option('seed', 1);
  const count = option('count', 100_000);
  const cli = option('cli', 500);
  const server = option('server', 1000);
  const projects = option('projects', Math.round(count / 50));
  console.log(`fuzzing ${count.toLocaleString('en-US')} inputs from seed ${seed} (corpus: test/fixtures/** and examples/*), ${cli} through the CLI, ${server} through the server`);
  const summary = await runFuzz({ seed, count, cli, server, projects, log: (line) => console.log(line) });
  console.log(
    `\n${summary.count.toLocaleString('en-US')} inputs (${summary.megabytes.toFixed(1)} MB, ${summary.findings.toLocaleString('en-US')} findings) in ${summary.seconds.toFixed(1)} s: ${summary.perSecond.toFixed(0)} inputs/second through the engine`,
  );
  console.log(`${summary.withSecrets.toLocaleString('en-US')} inputs held flagged secrets (searched for in every output); ${summary.projects.toLocaleString('en-US')} project files`);
  const s = summary.slowest;
  console.log(`slowest input: ${s.ms.toFixed(1)} ms, #${s.id} ${s.source} [${s.mutators.join(' + ')}] as ${s.fileName}, ${s.length.toLocaleString('en-US')} chars (bound ${TIME_BOUND_MS} ms)`);
  if (summary.failures.length === 0) {
    console.log('no failures');
    return 0;
  }
  const dir = join(tmpdir(), `emr-spark-fuzz-${seed}`);
  mkdirSync(dir, { recursive: true });
  console.log(`\n${summary.failures.length} failing inputs (written to ${dir}/):`);
  for (const f of summary.failures.slice(0, 40)) {
    console.log(`- ${describe(f.input)}\n    ${f.problems.slice(0, 3).join('\n    ')}`);
    writeFileSync(join(dir, `${f.input.id}-${f.input.fileName}`), f.input.text);
  }
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
