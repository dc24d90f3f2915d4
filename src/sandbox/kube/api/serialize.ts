// JSON text of stored objects, computed once per object version (stored objects are never changed
// in place), in the two forms the API serves: whole objects and list items.
import type { KubeObject } from '../types.js';

const whole = new WeakMap<KubeObject, string>();
const items = new WeakMap<KubeObject, string>();

export function objectJson(object: KubeObject): string {
  let text = whole.get(object);
  if (text === undefined) {
    text = JSON.stringify(object);
    whole.set(object, text);
  }
  return text;
}

/** Items of a list response carry no kind or apiVersion of their own, as kube-apiserver serves them. */
export function itemJson(object: KubeObject): string {
  let text = items.get(object);
  if (text === undefined) {
    text = JSON.stringify({ ...object, kind: undefined, apiVersion: undefined });
    items.set(object, text);
  }
  return text;
}
