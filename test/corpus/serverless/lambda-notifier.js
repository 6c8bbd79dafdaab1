const https = require('https');

const slackAgent = new https.Agent({ keepAlive: true });

function postJson(url, payload, agent) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

exports.handler = async (event) => {
  const pagerAgent = new https.Agent({ keepAlive: true, maxSockets: 2 }); // expect: no-client-per-request
  const alerts = JSON.parse(event.body).alerts;
  await Promise.all(alerts.map((alert) => postJson(process.env.SLACK_WEBHOOK, { text: alert.summary }, slackAgent)));
  const paged = await postJson(process.env.PAGER_URL, { alerts }, pagerAgent);
  return { statusCode: paged.status === 202 ? 200 : 502, body: paged.text };
};
