import { z } from 'zod';

/**
 * zod schemas of the Jira Cloud replies the app depends on. Loose objects: Jira adds fields over time and
 * the app must not break on them; only what we read is required.
 */
export const statusCategorySchema = z.looseObject({ key: z.string(), name: z.string().optional() });
export const statusSchema = z.looseObject({ id: z.string(), name: z.string(), statusCategory: statusCategorySchema.optional() });
export type JiraStatus = z.infer<typeof statusSchema>;

export const userRefSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional(), emailAddress: z.string().optional() });
export type JiraUserRef = z.infer<typeof userRefSchema>;

export const versionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  released: z.boolean().optional().default(false),
  archived: z.boolean().optional().default(false),
  releaseDate: z.string().optional(),
  startDate: z.string().optional(),
  description: z.string().optional(),
  projectId: z.number().optional(),
});
export type JiraVersion = z.infer<typeof versionSchema>;

const namedRef = z.looseObject({ id: z.string().optional(), name: z.string() });

export const linkedIssueRefSchema = z.looseObject({
  id: z.string().optional(),
  key: z.string(),
  fields: z.looseObject({ summary: z.string().optional(), status: statusSchema.optional() }).optional(),
});
export const issueLinkSchema = z.looseObject({
  id: z.string().optional(),
  type: z.looseObject({ name: z.string(), inward: z.string().optional(), outward: z.string().optional() }),
  inwardIssue: linkedIssueRefSchema.optional(),
  outwardIssue: linkedIssueRefSchema.optional(),
});
export type JiraIssueLink = z.infer<typeof issueLinkSchema>;

export const sprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  originBoardId: z.number().optional(),
  boardId: z.number().optional(),
  goal: z.string().optional(),
});
export type JiraSprint = z.infer<typeof sprintSchema>;

/** The system fields the app reads; custom fields stay unknown and are read with `customField()`. */
export const issueFieldsSchema = z.looseObject({
  summary: z.string().optional(),
  description: z.unknown().optional(),
  status: statusSchema.optional(),
  issuetype: namedRef.optional(),
  priority: namedRef.nullable().optional(),
  labels: z.array(z.string()).optional(),
  components: z.array(namedRef).optional(),
  fixVersions: z.array(versionSchema).optional(),
  versions: z.array(versionSchema).optional(),
  assignee: userRefSchema.nullable().optional(),
  reporter: userRefSchema.nullable().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  resolutiondate: z.string().nullable().optional(),
  issuelinks: z.array(issueLinkSchema).optional(),
  project: z.looseObject({ id: z.string().optional(), key: z.string() }).optional(),
});
export type JiraIssueFields = z.infer<typeof issueFieldsSchema>;

/**
 * `toString` is also the name of Object.prototype's method: an item without its own `toString` would otherwise be
 * read as that function and rejected, so a missing one is made an explicit `undefined` first.
 */
const ownToString = (v: unknown) => (v && typeof v === 'object' && !Object.prototype.hasOwnProperty.call(v, 'toString') ? { ...v, toString: undefined } : v);
export const changelogItemSchema = z.preprocess(
  ownToString,
  z.looseObject({
    field: z.string(),
    fieldId: z.string().optional(),
    fieldtype: z.string().optional(),
    from: z.string().nullable().optional(),
    fromString: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
    toString: z.string().nullable().optional(),
  }),
);
export const changelogHistorySchema = z.looseObject({
  id: z.string(),
  author: userRefSchema.optional(),
  created: z.string(),
  items: z.array(changelogItemSchema),
});
export type JiraChangelogHistory = z.infer<typeof changelogHistorySchema>;

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: issueFieldsSchema.optional().default({}),
  /** Issue entity properties asked for by name in a search (`properties`), keyed by property key. */
  properties: z.record(z.string(), z.unknown()).optional(),
  changelog: z
    .looseObject({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      histories: z.array(changelogHistorySchema),
    })
    .optional(),
});
export type JiraIssue = z.infer<typeof issueSchema>;

export const searchPageSchema = z.looseObject({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export const changelogPageSchema = z.looseObject({
  values: z.array(changelogHistorySchema),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  /** The spec calls it "the number of results on the page": not used to decide whether more pages follow. */
  total: z.number().optional(),
  isLast: z.boolean().optional(),
});

export const transitionSchema = z.looseObject({ id: z.string(), name: z.string(), to: statusSchema, isAvailable: z.boolean().optional() });
export type JiraTransition = z.infer<typeof transitionSchema>;
export const transitionsSchema = z.looseObject({ transitions: z.array(transitionSchema) });

export const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string() });
export const issueLinkTypesSchema = z.looseObject({
  issueLinkTypes: z.array(z.looseObject({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() })),
});
export const entityPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

export const projectSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });
export const projectStatusesSchema = z.array(z.looseObject({ id: z.string().optional(), name: z.string(), statuses: z.array(statusSchema) }));
export const projectRoleRefSchema = z.looseObject({ id: z.number(), name: z.string() });
export const projectRoleDetailsSchema = z.array(projectRoleRefSchema);
/** A project's role with its actors: users (by account id) and groups (by id and name). */
export const projectRoleActorsSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  actors: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        displayName: z.string().optional(),
        actorUser: z.looseObject({ accountId: z.string() }).optional(),
        actorGroup: z.looseObject({ name: z.string().optional(), groupId: z.string().optional() }).optional(),
      }),
    )
    .optional()
    .default([]),
});
/** The spec's GroupName: `groupId` is nullable (a group without an id, e.g. some site-admin groups). */
export const userGroupsSchema = z.array(z.looseObject({ name: z.string(), groupId: z.string().nullable().optional() }));

export const fieldSchema = z.looseObject({ id: z.string(), name: z.string(), custom: z.boolean().optional(), schema: z.unknown().optional() });
export const fieldsSchema = z.array(fieldSchema);
export type JiraField = z.infer<typeof fieldSchema>;

export const myselfSchema = userRefSchema;
export const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ key: z.string().optional(), havePermission: z.boolean() })),
});

const agilePage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ values: z.array(item), isLast: z.boolean().optional(), startAt: z.number().optional(), maxResults: z.number().optional(), total: z.number().optional() });
export const boardSchema = z.looseObject({ id: z.number(), name: z.string(), type: z.string() });
export type JiraBoard = z.infer<typeof boardSchema>;
export const boardPageSchema = agilePage(boardSchema);
export const sprintPageSchema = agilePage(sprintSchema);
export const boardConfigurationSchema = z.looseObject({
  id: z.number(),
  estimation: z.looseObject({ type: z.string().optional(), field: z.looseObject({ fieldId: z.string() }).optional() }).optional(),
});
export const approximateCountSchema = z.looseObject({ count: z.number() });
