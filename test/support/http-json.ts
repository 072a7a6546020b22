// The two requests the OAuth tests make over and over: a form POST (token endpoints) and a GET with
// a bearer token (users/me, userinfo), each answered as status and parsed JSON body.

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  return { status: response.status, body: text.length === 0 ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export async function postForm(url: string, form: Record<string, string>): Promise<JsonAnswer> {
  return answerOf(await fetch(url, { method: 'POST', body: new URLSearchParams(form) }));
}

export async function getJson(url: string, token: string): Promise<JsonAnswer> {
  return answerOf(await fetch(url, { headers: { authorization: `Bearer ${token}` } }));
}
