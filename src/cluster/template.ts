// Pod template equality the way the deployment controller sees it (ignoring `pod-template-hash`): one
// implementation, shared with the rollback engine, so history and rollback never disagree.
export {
  POD_TEMPLATE_HASH,
  templatesEqualIgnoringHash as templatesEqual,
} from '../rollback/engine/equality.js';
