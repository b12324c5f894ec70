import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBoolean, parseBytes, parseDouble, parseDuration, parseFraction, parseInteger, isClassName, sparkMemoryValue } from '../../server/src/engine/units';
import { wholeEquivalent } from '../../server/src/engine/valueCheck';

const MiB = 1024 * 1024;

test('sizes: binary suffixes, bare numbers in the key unit, case and blanks as Spark reads them', () => {
  const ok = (raw: string, unit: 'B' | 'KiB' | 'MiB' | 'GiB') => {
    const r = parseBytes(raw, unit);
    assert.ok(r.ok, raw);
    return r.value.bytes;
  };
  assert.equal(ok('37g', 'MiB'), 37 * 1024 * MiB);
  assert.equal(ok('37G', 'MiB'), 37 * 1024 * MiB);
  assert.equal(ok(' 512m ', 'MiB'), 512 * MiB);
  assert.equal(ok('21000', 'MiB'), 21000 * MiB);
  assert.equal(ok('64k', 'B'), 65536);
  assert.equal(ok('2kb', 'B'), 2048);
  assert.equal(ok('1t', 'B'), 1024 ** 4);
  assert.equal(ok('10485760', 'B'), 10485760);
  assert.equal(ok('64', 'KiB'), 65536);
});

test('sizes Spark refuses: fractions, spaces before the unit, unknown units, empty', () => {
  const problem = (raw: string) => {
    const r = parseBytes(raw, 'MiB');
    assert.equal(r.ok, false, raw);
    return (r as { problem: string }).problem;
  };
  assert.match(problem('1.5g'), /fraction/);
  assert.match(problem('4 g'), /space/);
  assert.match(problem('4gib'), /unknown size unit 'gib'/);
  assert.match(problem(''), /empty/);
  assert.match(problem('-1g'), /not a size/);
});

test('durations: us ms s m min h d; bare numbers in the key unit', () => {
  const ms = (raw: string, unit: 'ms' | 's' = 'ms') => {
    const r = parseDuration(raw, unit);
    assert.ok(r.ok, raw);
    return r.value.ms;
  };
  assert.equal(ms('800s'), 800_000);
  assert.equal(ms('60s'), 60_000);
  assert.equal(ms('5m'), 300_000);
  assert.equal(ms('5min'), 300_000);
  assert.equal(ms('1h'), 3_600_000);
  assert.equal(ms('1d'), 86_400_000);
  assert.equal(ms('500us'), 0.5);
  assert.equal(ms('120', 's'), 120_000);
  assert.equal(ms('10000'), 10_000);
  assert.equal(parseDuration('0.5h', 'ms').ok, false);
  assert.equal(parseDuration('10 s', 'ms').ok, false);
  assert.equal(parseDuration('10sec', 'ms').ok, false);
});

test('booleans, integers, doubles, fractions and class names', () => {
  assert.deepEqual(parseBoolean(' TRUE '), { ok: true, value: true });
  assert.deepEqual(parseBoolean('False'), { ok: true, value: false });
  assert.equal(parseBoolean('yes').ok, false);
  assert.deepEqual(parseInteger(' 5 '), { ok: true, value: 5 });
  assert.equal(parseInteger('2.5').ok, false);
  assert.equal(parseInteger('3000000000').ok, false);
  assert.deepEqual(parseInteger('3000000000', true), { ok: true, value: 3000000000 });
  assert.deepEqual(parseDouble('0.75'), { ok: true, value: 0.75 });
  assert.deepEqual(parseDouble('1e3'), { ok: true, value: 1000 });
  assert.equal(parseDouble('abc').ok, false);
  assert.deepEqual(parseFraction('0.6'), { ok: true, value: 0.6 });
  assert.equal(parseFraction('1.2').ok, false);
  assert.equal(isClassName('org.apache.spark.serializer.KryoSerializer'), true);
  assert.equal(isClassName('org.apache.spark.serializer.Kryo Serializer'), false);
  assert.equal(isClassName('1org.x'), false);
});

test('whole-number equivalents of fractional values and Spark memory strings', () => {
  assert.equal(wholeEquivalent('1.5g'), '1536m');
  assert.equal(wholeEquivalent('0.5h'), '30min');
  assert.equal(wholeEquivalent('2.5s'), '2500ms');
  assert.equal(wholeEquivalent('abc'), undefined);
  assert.equal(sparkMemoryValue(37 * 1024), '37g');
  assert.equal(sparkMemoryValue(4892), '4892m');
});
