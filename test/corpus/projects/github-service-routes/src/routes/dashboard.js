import { Router } from 'express';
import { GitHubService, githubFor } from '../services/github-service.js';
import { WeatherService } from '../services/weather-service.js';

export const dashboard = Router();

dashboard.get('/dashboard', async (req, res, next) => {
  try {
    const github = new GitHubService(req.user.githubToken); // expect: no-client-per-request
    const weather = new WeatherService(process.env.WEATHER_KEY);
    const [repos, forecast] = await Promise.all([github.listRepos(req.user.login), weather.forecast(req.user.city)]);
    res.render('dashboard', { repos, forecast });
  } catch (err) {
    next(err);
  }
});

dashboard.get('/dashboard/repos', async (req, res, next) => {
  try {
    res.json(await githubFor(req.user.githubToken).listRepos(req.user.login));
  } catch (err) {
    next(err);
  }
});
