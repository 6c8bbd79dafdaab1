import https from 'node:https';
import axios from 'axios';

// Each instance keeps its own keep-alive agent.
export class WeatherAPI {
  constructor(baseURL = 'https://weather.example.com') {
    this.http = axios.create({ baseURL, httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 16 }) });
  }

  async current(city) {
    const { data } = await this.http.get(`/v1/current/${encodeURIComponent(city)}`);
    return data;
  }
}
