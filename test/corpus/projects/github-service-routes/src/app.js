import express from 'express';
import session from 'express-session';
import { dashboard } from './routes/dashboard.js';

const app = express();
app.set('view engine', 'ejs');
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use((req, _res, next) => {
  req.user = req.session.user;
  next();
});
app.use(dashboard);
app.listen(3000);
