/** The relationship map's operations. */
export const mapOperations = {} as const
