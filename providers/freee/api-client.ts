// The freee API calls renkei makes with a user's token: who the user is and which businesses
// (事業所) they belong to, with their role in each.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { classifyHttpError } from '../http-errors';

const usersMeResponse = z.object({
  user: z.object({
    id: z.coerce.string(),
    email: z.string().nullish(),
    display_name: z.string().nullish(),
    companies: z
      .array(z.object({ id: z.coerce.string(), display_name: z.string().nullish(), role: z.string(), use_custom_role: z.boolean().optional() }))
      .default([]),
  }),
});

export interface FreeeMe {
  id: string;
  email?: string;
  displayName?: string;
  companies: Array<{ id: string; displayName: string; role: string }>;
}

export class FreeeApiClient {
  private readonly http: AxiosInstance;

  constructor(apiBaseUrl: string, timeoutMs: number) {
    this.http = axios.create({ baseURL: apiBaseUrl, timeout: timeoutMs });
  }

  /** GET /api/1/users/me?companies=true (the flag counts by presence; never send it false). */
  async usersMe(accessToken: string): Promise<FreeeMe> {
    try {
      const res = await this.http.get<unknown>('/api/1/users/me', { params: { companies: 'true' }, headers: { Authorization: `Bearer ${accessToken}` } });
      const { user } = usersMeResponse.parse(res.data);
      return {
        id: user.id,
        email: user.email ?? undefined,
        displayName: user.display_name ?? undefined,
        companies: user.companies.map((c) => ({ id: c.id, displayName: c.display_name ?? c.id, role: c.role })),
      };
    } catch (err) {
      throw classifyHttpError('freee', err, (status) => status === 401);
    }
  }
}
