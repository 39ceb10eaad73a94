// Unit tests of src/settings.ts, run by `npm run test:unit` under Node's
// test runner.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Place,
  type Settings,
  configurationSection,
  expandPath,
  initializationOptions,
  nameSegmentStart,
  serverCommand,
} from '../../src/settings';

const place: Place = { workspaceFolder: '/work/project', home: '/home/ann' };
const noFolder: Place = { home: '/home/ann' };
const unset: Settings = { path: 'czql', metadata: '', config: '' };

test('expandPath', () => {
  const cases: [string, Place, boolean, string][] = [
    ['', place, false, ''],
    ['   ', place, false, ''],
    ['org.json', place, false, '/work/project/org.json'],
    ['./meta/org.json', place, false, '/work/project/meta/org.json'],
    ['/abs/org.json', place, false, '/abs/org.json'],
    ['~/org.json', place, false, '/home/ann/org.json'],
    ['~', place, false, '/home/ann'],
    ['${userHome}/org.json', place, false, '/home/ann/org.json'],
    ['${workspaceFolder}/.czql.yaml', place, false, '/work/project/.czql.yaml'],
    ['org.json', noFolder, false, 'org.json'],
    [' czql ', place, true, 'czql'],
    ['bin/czql', place, true, '/work/project/bin/czql'],
    ['~/go/bin/czql', place, true, '/home/ann/go/bin/czql'],
  ];
  for (const [value, where, isCommand, want] of cases) {
    assert.equal(expandPath(value, where, isCommand), want, JSON.stringify(value));
  }
});

test('serverCommand defaults to czql', () => {
  assert.equal(serverCommand({ ...unset, path: '' }, place), 'czql');
  assert.equal(serverCommand(unset, place), 'czql');
  assert.equal(serverCommand({ ...unset, path: '/opt/czql/czql' }, place), '/opt/czql/czql');
});

test('initializationOptions holds the paths that are set', () => {
  assert.equal(initializationOptions(unset, place), undefined);
  assert.deepEqual(initializationOptions({ ...unset, metadata: 'org.json' }, place), {
    metadata: '/work/project/org.json',
  });
  assert.deepEqual(initializationOptions({ path: 'czql', metadata: '/m.json', config: 'ci/.czql.yaml' }, place), {
    metadata: '/m.json',
    config: '/work/project/ci/.czql.yaml',
  });
});

test('configurationSection answers the czql sections only', () => {
  const s: Settings = { path: 'czql', metadata: 'org.json', config: '' };
  assert.deepEqual(configurationSection('czql', s, place), { path: 'czql', metadata: '/work/project/org.json' });
  assert.equal(configurationSection('czql.path', s, place), 'czql');
  assert.equal(configurationSection('czql.metadata', s, place), '/work/project/org.json');
  assert.equal(configurationSection('czql.config', s, place), null);
  assert.equal(configurationSection('editor', s, place), undefined);
  assert.equal(configurationSection('czqlx', s, place), undefined);
  assert.equal(configurationSection(undefined, s, place), undefined);
});

test('nameSegmentStart', () => {
  const cases: [string, number, number][] = [
    ['SELECT Na', 9, 7],
    ['SELECT Manager.Na', 17, 15],
    ['SELECT Manager.', 15, 15],
    ['SELECT Manager.@Or', 18, 15],
    ['WHERE d < :du', 13, 10],
    ['WHERE Größe.名', 13, 12],
    ['SELECT Name', 9, 7],
    ['', 0, 0],
  ];
  for (const [line, character, want] of cases) {
    assert.equal(nameSegmentStart(line, character), want, `${JSON.stringify(line)} at ${character}`);
  }
});
