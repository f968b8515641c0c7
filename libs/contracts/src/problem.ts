/** RFC 9457 problem details, the shape of every error the API returns. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** One entry per offending field, `path` in dotted form ("roles.0"). */
  errors?: { path: string; message: string }[];
  /** Extension member of a refused delete (409): what still refers to the record, per kind, and how many. */
  references?: Record<string, number>;
}
