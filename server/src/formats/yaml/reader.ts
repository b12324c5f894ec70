import type { ConfigModel } from '../../engine/model';
import { readShape } from '../shapes';
import { parseYamlTree } from './syntaxTree';
import { yamlWriter } from './writer';

/** Reads YAML into the neutral model: the syntax tree first, then the EMR shape it has. */
export function readYaml(text: string): ConfigModel {
  const { root, problems, comments } = parseYamlTree(text);
  const shape = readShape(root, { text, decode: yamlWriter.decode });
  return {
    format: 'yaml',
    shape: shape.shape,
    parts: shape.parts,
    text,
    recognized: shape.recognized,
    unrecognized: shape.unrecognized,
    scopes: shape.scopes,
    cluster: shape.cluster,
    submissions: shape.submissions,
    syntaxProblems: problems,
    tree: root,
    schemaTargets: shape.schemaTargets,
    comments,
    writer: yamlWriter,
  };
}
