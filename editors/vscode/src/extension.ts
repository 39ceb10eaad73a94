// The CZQL extension: starts `czql lsp` (the language server of the czql
// toolkit) for czql documents and answers its workspace/configuration
// requests from the czql.* settings. Syntax highlighting is the TextMate
// grammar in syntaxes/ and needs no code.

import * as os from 'os';
import * as vscode from 'vscode';
import { type Executable, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import {
  type Place,
  type Settings,
  configurationSection,
  initializationOptions,
  nameSegmentStart,
  serverCommand,
} from './settings';

/** The settings whose change restarts the server. */
const restartSettings = ['czql.path', 'czql.metadata', 'czql.config'];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let configWatcher: vscode.FileSystemWatcher;
// Starts and stops run one after the other, never interleaved.
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('czql');
  configWatcher = vscode.workspace.createFileSystemWatcher('**/.czql.yaml');
  context.subscriptions.push(
    output,
    configWatcher,
    vscode.commands.registerCommand('czql.restartServer', () => enqueue(restart)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (restartSettings.some((s) => e.affectsConfiguration(s))) {
        void enqueue(restart);
      }
    }),
  );
  return enqueue(start);
}

export function deactivate(): Promise<void> {
  return enqueue(stop);
}

function enqueue(step: () => Promise<void>): Promise<void> {
  queue = queue.then(step, step);
  return queue;
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c === undefined) {
    return;
  }
  try {
    await c.stop();
  } catch (err) {
    output.appendLine(`czql: stopping the language server: ${message(err)}`);
  }
}

async function start(): Promise<void> {
  const place = placeOf(undefined);
  const settings = readSettings(undefined);
  const server: Executable = {
    command: serverCommand(settings, place),
    args: ['lsp'],
    options: place.workspaceFolder !== undefined ? { cwd: place.workspaceFolder } : undefined,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'czql' },
      { scheme: 'untitled', language: 'czql' },
    ],
    initializationOptions: initializationOptions(settings, place),
    outputChannel: output,
    synchronize: { fileEvents: configWatcher },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) => {
            const resource = item.scopeUri !== undefined ? vscode.Uri.parse(item.scopeUri) : undefined;
            const ours = configurationSection(item.section, readSettings(resource), placeOf(resource));
            return ours !== undefined ? ours : answers[i];
          });
        },
      },
      provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        if (result) {
          const line = document.lineAt(position.line).text;
          const segment = new vscode.Range(position.line, nameSegmentStart(line, position.character), position.line, position.character);
          for (const item of Array.isArray(result) ? result : result.items) {
            item.range ??= segment;
          }
        }
        return result;
      },
    },
  };
  const c = new LanguageClient('czql', 'czql language server', { run: server, debug: server }, clientOptions);
  client = c;
  try {
    await c.start();
  } catch (err) {
    const open = 'Open Settings';
    const choice = await vscode.window.showErrorMessage(
      `czql: could not start "${server.command} lsp": ${message(err)}. ` +
        'Install czql (go install github.com/czql/czql/cmd/czql@latest) or set czql.path.',
      open,
    );
    if (choice === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'czql.path');
    }
  }
}

/** readSettings reads the czql.* settings that apply to resource. */
function readSettings(resource: vscode.Uri | undefined): Settings {
  const config = vscode.workspace.getConfiguration('czql', resource);
  return {
    path: config.get<string>('path', 'czql'),
    metadata: config.get<string>('metadata', ''),
    config: config.get<string>('config', ''),
  };
}

/** placeOf returns where relative paths of resource's settings are resolved. */
function placeOf(resource: vscode.Uri | undefined): Place {
  const folder =
    (resource !== undefined ? vscode.workspace.getWorkspaceFolder(resource) : undefined) ??
    vscode.workspace.workspaceFolders?.[0];
  return {
    workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    home: os.homedir(),
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
