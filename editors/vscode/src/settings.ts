// Pure helpers of the extension: reading the czql.* settings into what the
// language server is given. Nothing here imports vscode, so the unit tests
// (tests/unit) run under plain Node.

import * as path from 'path';

/** The czql.* settings as the user wrote them. */
export interface Settings {
  /** czql.path: the czql program, a name looked up on PATH or a path. */
  path: string;
  /** czql.metadata: describeMetadata JSON or a czql metadata cache file. */
  metadata: string;
  /** czql.config: the project configuration (.czql.yaml) to use. */
  config: string;
}

/** Where relative paths and ~ in settings are resolved. */
export interface Place {
  /** The folder of the workspace (or of the resource), if there is one. */
  workspaceFolder?: string;
  /** The user's home directory. */
  home: string;
}

/** The initializationOptions of `czql lsp`: only the paths that are set. */
export interface InitializationOptions {
  metadata?: string;
  config?: string;
}

/**
 * expandPath resolves a path setting: ${workspaceFolder} and ${userHome} are
 * replaced, a leading ~ is the home directory, and a relative path is taken
 * from the workspace folder. A command without any path separator (such as
 * the default "czql") is left alone, to be looked up on PATH. An empty
 * setting stays empty.
 */
export function expandPath(value: string, place: Place, isCommand = false): string {
  let p = value.trim();
  if (p === '') {
    return '';
  }
  p = p.replace(/\$\{userHome\}/g, place.home);
  if (place.workspaceFolder !== undefined) {
    p = p.replace(/\$\{workspaceFolder\}/g, place.workspaceFolder);
  }
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(place.home, p.slice(1));
  }
  if (isCommand && !/[\\/]/.test(p)) {
    return p;
  }
  if (!path.isAbsolute(p) && place.workspaceFolder !== undefined) {
    p = path.join(place.workspaceFolder, p);
  }
  return p;
}

/** serverCommand returns the program to run as `PROGRAM lsp`. */
export function serverCommand(s: Settings, place: Place): string {
  return expandPath(s.path, place, true) || 'czql';
}

/**
 * initializationOptions returns {"metadata": PATH, "config": PATH} with the
 * settings that are set, or undefined when neither is.
 */
export function initializationOptions(s: Settings, place: Place): InitializationOptions | undefined {
  const options: InitializationOptions = {};
  const metadata = expandPath(s.metadata, place);
  const config = expandPath(s.config, place);
  if (metadata !== '') {
    options.metadata = metadata;
  }
  if (config !== '') {
    options.config = config;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

/**
 * configurationSection answers a workspace/configuration item for section:
 * "czql" is {"path", and "metadata" and "config" when set}; "czql.path",
 * "czql.metadata" and "czql.config" are the one resolved value (null when
 * not set). It returns undefined for other sections, which are not ours.
 */
export function configurationSection(section: string | undefined, s: Settings, place: Place): unknown {
  const all = { path: serverCommand(s, place), ...initializationOptions(s, place) };
  switch (section) {
    case 'czql':
      return all;
    case 'czql.path':
      return all.path;
    case 'czql.metadata':
      return all.metadata ?? null;
    case 'czql.config':
      return all.config ?? null;
  }
  return undefined;
}

/**
 * nameSegmentStart returns where the name being typed before column
 * character of line starts: the last segment of a field path (after the
 * last '.'), with its '@' or ':' if it has one. Completion items that carry
 * no range of their own replace that segment only, not the whole dotted
 * word of the language's wordPattern.
 */
export function nameSegmentStart(line: string, character: number): number {
  const before = line.slice(0, character);
  const m = /[@:]?[\p{L}\p{M}\p{Nd}_]*$/u.exec(before);
  return m ? m.index : character;
}
