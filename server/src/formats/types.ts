import type { TextEdit } from '../engine/findings';
import type { Classification, ConfigModel, ConfigurationScope, FormatId, PropertyEntry } from '../engine/model';
import type { Span } from '../engine/text';

export interface ReadOptions {
  /** JSON: comments are refused (EMR rejects them) unless the document is JSON with comments. */
  allowComments?: boolean;
}

/** One input syntax: how to recognise it, read it into the neutral model and write fixes back in it. */
export interface FormatAdapter {
  id: FormatId;
  /** For messages: "JSON", "YAML", "Java properties". */
  label: string;
  /** VS Code language ids whose documents this format reads. */
  languageIds: readonly string[];
  /** Whether a file name (base name, lower case) is this format's. */
  claimsFileName(baseName: string): boolean;
  /** Whether a text of unknown name looks like this format (only asked when neither name nor language tells). */
  claimsContent(text: string): boolean;
  read(text: string, options?: ReadOptions): ConfigModel;
  /**
   * Reads the next version of a document after one edit from what reading `previous` kept, when the format can
   * (undefined: read it in full). `previous` must not be used afterwards.
   */
  rereadAfterEdit?(previous: ConfigModel, text: string, edit: EditedRange, options?: ReadOptions): ConfigModel | undefined;
  writer: FormatWriter;
}

/** One edit between two versions of a text: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface EditedRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A list in the document: where it is and where each of its items is. */
export interface ItemList {
  span: Span;
  items: readonly Span[];
}

/** A classification to add, in neutral form: the writer spells its member names as the scope does. */
export interface NewClassification {
  name: string;
  properties: Record<string, string>;
}

/** Fix edits in one syntax: quoting, escaping, indentation, block or flow layout. */
export interface FormatWriter {
  /** A key written as this syntax expects it; `replacing` is the text it replaces, whose quoting it may keep. */
  key(key: string, replacing?: string): string;
  /** A string value written as this syntax expects it; `replacing` is the text it replaces, whose quoting it may keep. */
  value(value: string, replacing?: string): string;
  /**
   * The decoded text of a string scalar's raw text and the document offset where each decoded character starts
   * (plus one more for the end); undefined when the raw text cannot be mapped character by character.
   */
  decode(raw: string, start: number): { text: string; offsets: number[] } | undefined;
  /**
   * Text to insert inside the string scalar whose raw text is `hostRaw`, escaped as that scalar needs; undefined
   * when that scalar's style cannot hold it (the whole value is then rewritten).
   */
  fragment(text: string, hostRaw: string, atStart: boolean): string | undefined;
  /** Gives a value to an entry that has none yet (a half-typed member). */
  completeEntry(model: ConfigModel, entry: PropertyEntry, value: string): TextEdit;
  /** Deletes one property, leaving the document valid. */
  removeEntry(model: ConfigModel, classification: Classification, entry: PropertyEntry): TextEdit;
  /** Empties a classification's properties (`{}`), in the file's own layout; undefined when it has no properties member. */
  clearProperties(model: ConfigModel, classification: Classification): TextEdit | undefined;
  /** Adds properties that the classification does not have yet, in the file's own layout. */
  addProperties(model: ConfigModel, classification: Classification, properties: readonly [string, string][]): TextEdit[];
  /** Adds a classification to a scope's configurations. */
  addClassification(model: ConfigModel, scope: ConfigurationScope, value: NewClassification): TextEdit | undefined;
  /** Adds a nested classification to `parent`. */
  addChildClassification(model: ConfigModel, parent: Classification, child: NewClassification): TextEdit | undefined;
  /** Deletes items `from` through `to` of a list (a JSON array, a YAML sequence), leaving it valid. */
  removeItems(model: ConfigModel, list: ItemList, from: number, to: number): TextEdit;
  /** Deletes a classification from the list holding it (`list` spans the list). */
  removeClassification(model: ConfigModel, siblings: readonly Classification[], target: Classification, list: Span): TextEdit;
}
