import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { loadProjectFile } from '../config/loadProjectFile';
import { ConfigError, PROJECT_FILE_NAME, optionsForFile, readProjectConfig, type ProjectConfig } from '../config/projectConfig';
import type { AnalysisOptions } from '../analysis/analyze';

/** The `emrSpark` section of the editor settings, as the client sends it. */
export interface EditorSettings {
  cluster?: { instanceType?: string; instanceCount?: number; release?: string };
  rules?: Record<string, string>;
}

/** Settings and the workspace's project file, merged per document. */
export class Configuration {
  private settings: ProjectConfig = {};
  private project: ProjectConfig = {};
  private root: string | undefined;
  /** The last problem with the settings or the project file, for the log. */
  problem: string | undefined;

  setRoot(rootUri: string | undefined | null): void {
    this.root = rootUri ? URI.parse(rootUri).fsPath : undefined;
  }

  get projectFile(): string | undefined {
    return this.root ? path.join(this.root, PROJECT_FILE_NAME) : undefined;
  }

  setEditorSettings(raw: EditorSettings | undefined): void {
    try {
      const cluster = raw?.cluster ?? {};
      this.settings = readProjectConfig({ cluster: { instanceType: cluster.instanceType, instanceCount: cluster.instanceCount }, release: cluster.release, rules: raw?.rules ?? {} }, 'emrSpark settings');
      this.problem = undefined;
    } catch (error) {
      this.settings = {};
      this.problem = (error as Error).message;
    }
  }

  reloadProjectFile(exists: (file: string) => boolean): void {
    const file = this.projectFile;
    try {
      this.project = file && this.root && exists(file) ? loadProjectFile(file, this.root) : {};
    } catch (error) {
      this.project = {};
      this.problem = error instanceof ConfigError ? error.message : String(error);
    }
  }

  optionsFor(uri: string): AnalysisOptions {
    let relativePath: string | undefined;
    try {
      const file = URI.parse(uri).fsPath;
      relativePath = this.root ? path.relative(this.root, file) : undefined;
    } catch {
      relativePath = undefined;
    }
    return optionsForFile(relativePath, this.settings, this.project);
  }
}
