/** Forecasts from the weather API. Holds an API key, no connections of its own. */
export class WeatherService {
  constructor(apiKey) {
    this.apiKey = apiKey;
  }

  async forecast(city) {
    const url = `https://api.weather.example.com/v1/forecast?city=${encodeURIComponent(city)}&key=${this.apiKey}`;
    const res = await fetch(url);
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`weather: HTTP ${res.status}`);
    }
    return res.json();
  }
}
