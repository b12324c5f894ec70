// What is kept per subtree across the versions of a document (engine/subtreeMemo.ts) and the secret
// search built on it: an answer is reused, moved, only for a classification no edit changed inside.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModel } from '../../server/src/analysis/analyze';
import { nodeToKeep, SubtreeMemo } from '../../server/src/engine/subtreeMemo';
import type { ConfigModel } from '../../server/src/engine/model';
import { readDocument, readDocumentAfterEdit } from '../../server/src/formats';

const FILE = 'configurations.json';

function edited(model: ConfigModel, at: number, removed: number, inserted: string): ConfigModel {
  const text = model.text.slice(0, at) + inserted + model.text.slice(at + removed);
  return readDocumentAfterEdit(model, { start: at, oldEnd: at + removed, newEnd: at + inserted.length }, { text, fileName: FILE });
}

/**
 * The document as the server has it once typing has started: read again after an edit (a character typed into the
 * first string value and deleted), since only such a document keeps what it finds per subtree.
 */
function beingEdited(text: string): ConfigModel {
  const at = text.indexOf('"', text.indexOf(':')) + 1;
  return edited(edited(readDocument({ text, fileName: FILE }), at, 0, 'z'), at, 1, '');
}

/** A memo of each classification's start, counting the computations. */
function startMemo() {
  const memo = new SubtreeMemo<number>((at, by) => at + by);
  let computed = 0;
  const starts = (model: ConfigModel, key = 'k') =>
    model.scopes[0].classifications.map((c) =>
      memo.get(model, c.source, c.span, () => key, () => {
        computed++;
        return c.span.start;
      }),
    );
  return { starts, computed: () => computed };
}

/** A rule's findings as "start-end covered text". */
const findingsOf = (ruleId: string) => (model: ConfigModel) =>
  analyzeModel(model)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.span.start}-${f.span.end} ${model.text.slice(f.span.start, f.span.end)}`);

/** The same for a token of the text, where it first is. */
const at = (text: string, token: string) => `${text.indexOf(token)}-${text.indexOf(token) + token.length} ${token}`;

const TEXT = '[{"Classification": "spark-defaults", "Properties": {"spark.a": "1"}},\n {"Classification": "core-site", "Properties": {"c": "3"}}]';

describe('what is kept per classification across edits', () => {
  test('an answer is reused, moved, for a classification not edited inside; asked again for the edited one', () => {
    const { starts, computed } = startMemo();
    const core = TEXT.indexOf('{"Classification": "core-site"');
    const first = beingEdited(TEXT);
    assert.deepEqual(starts(first), [1, core]);
    const second = edited(first, TEXT.indexOf('"1"') + 1, 0, 'abc');
    assert.deepEqual(starts(second), [1, core + 3]);
    assert.equal(computed(), 3, 'core-site was moved, not computed again');
    // Same length, same node: the edit's mark still tells that spark-defaults changed.
    const third = edited(second, second.text.indexOf('abc'), 3, 'xyz');
    assert.deepEqual(starts(third), [1, core + 3]);
    assert.equal(computed(), 4);
    assert.deepEqual(starts(third, 'other key'), [1, core + 3]);
    assert.equal(computed(), 6, 'another key is another question');
  });

  test('a secret typed into a value at the same length is found, and one in a moved classification is where it now is', () => {
    const text = '[{"Classification": "hive-site", "Properties": {"javax.jdo.option.ConnectionPassword": "true"}},\n {"Classification": "core-site", "Properties": {"fs.s3a.secret.key": "abcdefgh"}}]';
    const sec001 = findingsOf('SEC001');
    const first = beingEdited(text);
    assert.deepEqual(sec001(first), [at(text, '"abcdefgh"')]);
    // "true" names no secret; "t0p$" at the same length is one.
    const second = edited(first, text.indexOf('"true"') + 1, 4, 't0p$');
    const fresh = sec001(readDocument({ text: second.text, fileName: FILE }));
    assert.deepEqual(sec001(second), fresh);
    assert.equal(fresh.length, 2);
    // Typed into the first secret: the second classification's secret moves with it.
    const third = edited(second, second.text.indexOf('t0p$') + 4, 0, '!!');
    assert.deepEqual(sec001(third), sec001(readDocument({ text: third.text, fileName: FILE })));
    assert.ok(sec001(third).includes(at(third.text, '"abcdefgh"')));
  });

  test('schema problems: an item edited inside at the same length is validated again, one after the edit keeps its problems, moved', () => {
    const text = '[{"Classification": "hadoop-env", "Configurations": [{"Classification": "export", "Xroperties": {}}]},\n {"Classification": "core-site", "Propertes": {}}]';
    const emr002 = findingsOf('EMR002');
    const first = beingEdited(text);
    assert.deepEqual(emr002(first), [at(text, '"Xroperties"'), at(text, '"Propertes"')]);
    // The nested member renamed at the same length: the nested object is read again, the outer item keeps its node.
    const second = edited(first, text.indexOf('Xroperties'), 1, 'P');
    assert.equal(second.scopes[0].classifications[0].source, first.scopes[0].classifications[0].source, 'the item node was kept');
    assert.deepEqual(emr002(second), [at(text, '"Propertes"')]);
    // Typed into the first item: the second one's problem moves with it.
    const third = edited(second, second.text.indexOf('"export"') + 1, 0, 'xx');
    assert.deepEqual(emr002(third), [at(third.text, '"Propertes"')]);
  });

  test('duplicate keys: a classification moved to another line by an edit above names the new lines', () => {
    const text = '[{"Classification": "core-site", "Properties": {"a": "1"}},\n {"Classification": "hdfs-site", "Properties": {"d": "1", "d": "2"}}]';
    const emr006 = (model: ConfigModel) => analyzeModel(model).findings.filter((f) => f.ruleId === 'EMR006').map((f) => `${f.span.start} ${f.message}`);
    const first = beingEdited(text);
    assert.deepEqual(emr006(first), [`${text.indexOf('"d"')} "d" is set again on line 2; that later value ("2") wins and this one ("1") is ignored.`]);
    // A line break typed between the first item's members: that item is read again, the second moves a line down.
    const second = edited(first, text.indexOf(', "Properties"') + 1, 0, '\n');
    assert.equal(second.scopes[0].classifications[1].source, first.scopes[0].classifications[1].source, 'the second item node was kept');
    assert.deepEqual(emr006(second), [`${second.text.indexOf('"d"')} "d" is set again on line 3; that later value ("2") wins and this one ("1") is ignored.`]);
    // Typed into the first item's value: the second moves along its line, and keeps its line numbers.
    const third = edited(second, second.text.indexOf('"1"') + 1, 0, 'x');
    assert.deepEqual(emr006(third), [`${third.text.indexOf('"d"')} "d" is set again on line 3; that later value ("2") wins and this one ("1") is ignored.`]);
  });

  test('AWS keys: one typed into an item at the same length is found, one in a later item moves with it', () => {
    const text = '[{"Classification": "core-site", "Properties": {"fs.s3a.access.key": "BKIAZ2QX7RT4BN5KW3JD"}},\n {"Classification": "hdfs-site", "Properties": {"x": "ASIAQ7RT2BN5KW3JDZ2X"}}]';
    const sec002 = findingsOf('SEC002');
    const first = beingEdited(text);
    assert.deepEqual(sec002(first), [at(text, 'ASIAQ7RT2BN5KW3JDZ2X')]);
    const second = edited(first, text.indexOf('BKIA'), 1, 'A');
    assert.deepEqual(sec002(second), [at(second.text, 'AKIAZ2QX7RT4BN5KW3JD'), at(second.text, 'ASIAQ7RT2BN5KW3JDZ2X')]);
    const third = edited(second, second.text.indexOf('"fs.s3a') - 1, 0, ' ');
    assert.deepEqual(sec002(third), [at(third.text, 'AKIAZ2QX7RT4BN5KW3JD'), at(third.text, 'ASIAQ7RT2BN5KW3JDZ2X')]);
  });

  test('a document read once (the CLI, a file just opened) keeps nothing; one read again after an edit does', () => {
    const once = readDocument({ text: TEXT, fileName: FILE });
    const node = once.scopes[0].classifications[0].source;
    assert.equal(nodeToKeep(once, node), undefined);
    const typed = beingEdited(TEXT);
    assert.equal(nodeToKeep(typed, typed.scopes[0].classifications[0].source), typed.scopes[0].classifications[0].source);
  });
});
