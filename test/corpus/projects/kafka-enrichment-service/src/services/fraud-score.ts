/** Scores orders through the fraud API; holds configuration only (fetch uses the global dispatcher). */
export class FraudScore {
  constructor(private readonly baseUrl: string) {}

  async score(order: { id: string; total: number }): Promise<number> {
    const res = await fetch(`${this.baseUrl}/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    const { score } = (await res.json()) as { score: number };
    return score;
  }
}
