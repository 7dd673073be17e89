/** Selections several models share. */

/** What the policies need to know about a community. */
export const communityRef = { select: { id: true, name: true, visibility: true, departmentId: true } } as const;
