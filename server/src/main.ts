import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// Transport comes from the command line: --stdio, --node-ipc or --socket=N (vscode-languageserver reads process.argv).
startServer(createConnection(ProposedFeatures.all));
