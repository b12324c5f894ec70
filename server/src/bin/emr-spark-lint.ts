// The npm package's `emr-spark-lint` command (an ES module that shares its chunks with the language server).
import { runAsProgram } from '../cli';

runAsProgram();
