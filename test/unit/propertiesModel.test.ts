import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProperties as parseSparkProperties } from '../../server/src/formats/properties/reader';
import { escapePropertiesValue } from '../../server/src/formats/properties/writer';
import { slice } from '../helpers';

function entries(text: string) {
  return parseSparkProperties(text).scopes[0].classifications[0].properties;
}

test('the three separators: whitespace, = and :, with exact key and value spans', () => {
  const text = 'spark.a 1\nspark.b=2\nspark.c:3\nspark.d  =  4\nspark.e\t:\t5\n';
  const got = entries(text).map((e) => [e.key, e.value, e.keySpan.start, e.keySpan.end, e.valueSpan!.start, e.valueSpan!.end]);
  assert.deepEqual(got, [
    ['spark.a', '1', 0, 7, 8, 9],
    ['spark.b', '2', 10, 17, 18, 19],
    ['spark.c', '3', 20, 27, 28, 29],
    ['spark.d', '4', 30, 37, 42, 43],
    ['spark.e', '5', 44, 51, 54, 55],
  ]);
});

test('# and ! comment lines are kept as comments, not entries; a # later in a line is part of the value', () => {
  const text = '# first\n  ! second\nspark.a x#y\n';
  const model = parseSparkProperties(text);
  assert.deepEqual(model.comments.map((c) => c.text), ['# first', '! second']);
  assert.deepEqual(model.comments.map((c) => [c.span.start, c.span.end]), [[0, 7], [10, 18]]);
  const [entry] = model.scopes[0].classifications[0].properties;
  assert.equal(entry.value, 'x#y');
});

test('backslash continuation joins lines and drops the leading blanks of the next line', () => {
  const text = 'spark.executor.extraJavaOptions   -XX:+UseG1GC \\\n        -XX:InitiatingHeapOccupancyPercent=35\nspark.b 2\n';
  const [opts, b] = entries(text);
  assert.equal(opts.value, '-XX:+UseG1GC -XX:InitiatingHeapOccupancyPercent=35');
  assert.equal(opts.valueSpan!.start, 34);
  assert.equal(slice(text, opts.valueSpan), '-XX:+UseG1GC \\\n        -XX:InitiatingHeapOccupancyPercent=35');
  assert.deepEqual([opts.entrySpan.start, opts.entrySpan.end], [0, 94]);
  assert.equal(b.key, 'spark.b');
  assert.equal(b.keySpan.start, 95);
});

test('an even number of trailing backslashes does not continue the line', () => {
  const [a, b] = entries('spark.a C:\\\\\nspark.b 2');
  assert.equal(a.value, 'C:\\');
  assert.equal(b.key, 'spark.b');
});

test('escapes in keys and values: \\t \\n \\uXXXX, escaped separators and spaces', () => {
  const [a, b] = entries('spark.my\\ key\\=x v\\u00e9\\tz\nspark.b\\:c  \\ lead');
  assert.equal(a.key, 'spark.my key=x');
  assert.equal(a.rawKey, 'spark.my\\ key\\=x');
  assert.equal(a.value, 'v\u00e9\tz');
  assert.equal(b.key, 'spark.b:c');
  assert.equal(b.value, ' lead');
});

test('a malformed \\u escape is a syntax problem at the escape', () => {
  const model = parseSparkProperties('spark.a x\\u12G4\n');
  assert.equal(model.syntaxProblems.length, 1);
  assert.equal(model.syntaxProblems[0].span.start, 9);
  assert.match(model.syntaxProblems[0].message, /Malformed \\uXXXX escape/);
});

test('CRLF and lone CR line ends; key without a value; BOM skipped', () => {
  const text = '\uFEFFspark.a 1\r\nspark.b\rspark.c 3';
  const got = entries(text).map((e) => [e.key, e.value, e.keySpan.start, e.valueSpan!.start, e.valueSpan!.end]);
  assert.deepEqual(got, [
    ['spark.a', '1', 1, 9, 10],
    ['spark.b', '', 12, 19, 19],
    ['spark.c', '3', 20, 28, 29],
  ]);
});

test('repeated keys are all kept in order (the last one wins for Spark)', () => {
  const keys = entries('spark.a 1\nspark.a 2\n').map((e) => `${e.key}=${e.value}`);
  assert.deepEqual(keys, ['spark.a=1', 'spark.a=2']);
});

test('escapePropertiesValue round-trips through the reader', () => {
  for (const value of ['plain', ' leading space', 'a\\b', 'tab\there', 'line\nbreak']) {
    const [entry] = entries(`spark.k ${escapePropertiesValue(value)}`);
    assert.equal(entry.value, value);
  }
});
