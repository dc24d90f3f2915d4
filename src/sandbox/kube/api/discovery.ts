// Discovery documents (/version, /api, /api/v1, /apis, /apis/apps, /apis/apps/v1) for the served types.
import { RESOURCE_TYPES } from '../resources.js';

export function versionInfo(): object {
  return {
    major: '1',
    minor: '30',
    gitVersion: 'v1.30.2',
    gitCommit: '39683505b630ff2121012f3c5b16215a1449d5ed',
    gitTreeState: 'clean',
    buildDate: '2024-06-11T20:21:00Z',
    goVersion: 'go1.22.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groups(): string[] {
  return [...new Set(RESOURCE_TYPES.map((t) => t.group).filter((g) => g !== ''))];
}

function groupDocument(group: string): object {
  const version = RESOURCE_TYPES.find((t) => t.group === group)?.version ?? 'v1';
  const groupVersion = { groupVersion: `${group}/${version}`, version };
  return { name: group, versions: [groupVersion], preferredVersion: groupVersion };
}

export function apiGroupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups().map(groupDocument) };
}

export function apiGroup(group: string): object {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) };
}

export function apiResourceList(group: string, version: string): object {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  const resources = types.flatMap((t) => [
    {
      name: t.name,
      singularName: t.singularName,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      storageVersionHash: Buffer.from(`${t.group}/${t.kind}`).toString('base64').slice(0, 11),
    },
    ...(t.subresources ?? []).map((sub) => ({
      name: `${t.name}/${sub.name}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: sub.kind,
      verbs: sub.verbs,
    })),
  ]);
  const groupVersion = group === '' ? version : `${group}/${version}`;
  return {
    kind: 'APIResourceList',
    ...(group === '' ? {} : { apiVersion: 'v1' }),
    groupVersion,
    resources,
  };
}
