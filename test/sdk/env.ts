/** The KRATIX_* variables of a resource configure pipeline for the `shop` Redis in `team-a`. */
export const RESOURCE_ENV = {
  KRATIX_WORKFLOW_ACTION: 'configure',
  KRATIX_WORKFLOW_TYPE: 'resource',
  KRATIX_PROMISE_NAME: 'redis',
  KRATIX_PIPELINE_NAME: 'instance',
  KRATIX_OBJECT_KIND: 'Redis',
  KRATIX_OBJECT_GROUP: 'marketplace.kratix.io',
  KRATIX_OBJECT_VERSION: 'v1alpha1',
  KRATIX_OBJECT_NAME: 'shop',
  KRATIX_OBJECT_NAMESPACE: 'team-a',
  KRATIX_CRD_PLURAL: 'redis',
  KRATIX_CLUSTER_SCOPED: 'false',
};
