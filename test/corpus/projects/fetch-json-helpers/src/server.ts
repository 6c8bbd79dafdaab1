import express from 'express';
import { usersRouter } from './routes/users';

const app = express();
app.use(express.json({ limit: '256kb' }));
app.use('/api', usersRouter);

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('profile gateway listening');
});
