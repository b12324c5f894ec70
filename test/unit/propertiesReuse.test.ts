// The entries of a Properties object that an edit neither changed nor moved are the objects read from the last
// version (formats/shapes/configurations.ts); those of one that moved are copies with their spans moved; a Properties
// object an edit changed is read again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigModel, PropertyEntry } from '../../server/src/engine/model';
import { readDocument, readDocumentAfterEdit } from '../../server/src/formats';

const FILE = 'configurations.json';
const TEXT =
  '[{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "4g", "spark.executor.cores": 4}},\n' +
  ' {"Classification": "core-site", "Properties": {"fs.s3.maxConnections": "100"}}]';

function edited(model: ConfigModel, at: number, removed: number, inserted: string): ConfigModel {
  const text = model.text.slice(0, at) + inserted + model.text.slice(at + removed);
  return readDocumentAfterEdit(model, { start: at, oldEnd: at + removed, newEnd: at + inserted.length }, { text, fileName: FILE });
}

const entriesOf = (model: ConfigModel) => model.scopes[0].classifications.map((c) => c.properties);

/** The entries as plain data (their syntax nodes left out), with the text each span covers. */
const described = (model: ConfigModel) =>
  entriesOf(model).map((entries) =>
    entries.map(({ source: _source, ...entry }: PropertyEntry) => ({
      ...entry,
      key: model.text.slice(entry.keySpan.start, entry.keySpan.end),
      value: entry.valueSpan && model.text.slice(entry.valueSpan.start, entry.valueSpan.end),
      read: entry.value,
    })),
  );

/** A model read again after an edit holds what a fresh read of its text holds. */
function assertAsFresh(model: ConfigModel): void {
  assert.deepEqual(described(model), described(readDocument({ text: model.text, fileName: FILE })));
}

describe('entries of a Properties object kept across edits', () => {
  test('an edit below a Properties object leaves its entries the same objects; the edited object is read again', () => {
    const first = readDocument({ text: TEXT, fileName: FILE });
    const [spark, core] = entriesOf(first);
    const second = edited(first, TEXT.indexOf('"100"') + 1, 0, '2');
    assert.equal(entriesOf(second)[0], spark, 'spark-defaults: neither changed nor moved');
    assert.notEqual(entriesOf(second)[1], core);
    assert.equal(entriesOf(second)[1][0].value, '2100');
    assertAsFresh(second);
  });

  test('an edit above a Properties object moves it: its entries are new objects where they now are, sharing texts and paths', () => {
    const first = readDocument({ text: TEXT, fileName: FILE });
    const [, core] = entriesOf(first);
    const coreSpan = { ...core[0].keySpan };
    const second = edited(first, TEXT.indexOf('"4g"') + 1, 0, '1');
    const moved = entriesOf(second)[1][0];
    assert.notEqual(moved, core[0]);
    assert.deepEqual(core[0].keySpan, coreSpan, 'the last version\'s entry is left as it was');
    assert.deepEqual([moved.keySpan.start, moved.valueSpan!.start, moved.entrySpan.end], [core[0].keySpan.start + 1, core[0].valueSpan!.start + 1, core[0].entrySpan.end + 1]);
    assert.equal(moved.path, core[0].path);
    assert.equal(moved.source, core[0].source);
    assertAsFresh(second);
    const fresh = entriesOf(readDocument({ text: second.text, fileName: FILE }))[1][0];
    assert.deepEqual(Object.keys(moved), Object.keys(fresh), 'one shape of object for the rules, moved or read');
    // Moved again: copies of the copies, at the new place.
    const third = edited(second, second.text.indexOf('"14g"'), 0, ' ');
    assert.equal(entriesOf(third)[1][0].keySpan.start, coreSpan.start + 2);
    assertAsFresh(third);
  });

  test('an edit inside that keeps the length is seen: the entries are read again', () => {
    const first = readDocument({ text: TEXT, fileName: FILE });
    const [spark] = entriesOf(first);
    const at = TEXT.indexOf('"4g"') + 1;
    const second = edited(first, at, 1, '8');
    assert.notEqual(entriesOf(second)[0], spark);
    assert.equal(entriesOf(second)[0][0].value, '8g');
    assertAsFresh(second);
  });

  test('kept entries stay right over many edits above, below and inside, and hold no text of an old version', () => {
    let model = readDocument({ text: TEXT, fileName: FILE });
    const places = ['"4g"', '"100"', '"4g"', '"spark.executor.cores"', '"100"'];
    for (let i = 0; i < 40; i++) {
      const at = model.text.indexOf(places[i % places.length]) + 1;
      model = i % 2 === 0 ? edited(model, at, 0, 'x') : edited(model, at, 1, '');
      assertAsFresh(model);
    }
    // A number's raw text and value are one string; after reuse they are a copy, not a view of an older text.
    const cores = entriesOf(model)[0][1];
    assert.equal(cores.rawValue, '4');
    assert.equal(cores.value, cores.rawValue);
  });
});
