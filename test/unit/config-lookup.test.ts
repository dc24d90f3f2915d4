// Lookups over the configuration: the team of a channel, the teams of a person, a rotation by name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { rotationByName, teamForChannel, teamsForUser } from '../../src/config/lookup.js';

const config = loadConfig(join(import.meta.dirname, '../../app.yaml'));

describe('teamForChannel', () => {
  it.each([
    ['C0PLATFORM1', 'platform'],
    ['C0SHOPDEV1', 'platform'],
    ['C0PAYMENTS1', 'payments'],
    ['C0UNKNOWN1', undefined],
  ])('%s belongs to %s', (channel, team) => {
    expect(teamForChannel(config, channel)?.name).toBe(team);
  });
});

describe('teamsForUser', () => {
  it.each([
    ['U0ALICE01', ['platform']],
    ['U0MANAGER1', ['platform']],
    ['U0ERIN001', ['platform', 'payments']],
    ['U0CAROL01', ['platform', 'payments']],
    ['U0STRANGER', []],
  ])('%s is in %j', (user, teams) => {
    expect(teamsForUser(config, user).map((team) => team.name)).toEqual(teams);
  });
});

describe('rotationByName', () => {
  it('finds a rotation together with its team', () => {
    const found = rotationByName(config, 'palo-alto');
    expect(found?.team.name).toBe('platform');
    expect(found?.rotation.timezone).toBe('America/Los_Angeles');
  });

  it('finds nothing for an unknown name', () => {
    expect(rotationByName(config, 'berlin')).toBeUndefined();
  });
});
