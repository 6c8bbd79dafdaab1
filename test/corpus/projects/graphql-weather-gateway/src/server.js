import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { PlacesAPI } from './datasources/places-api.js';
import { WeatherAPI } from './datasources/weather-api.js';

const typeDefs = `#graphql
  type Weather { temperature: Float }
  type City { name: String, weather: Weather }
  type Query { weather(city: String!): Weather, cities(name: String!): [City] }
`;

const sharedWeather = new WeatherAPI();

const resolvers = {
  Query: {
    weather: async (_, { city }) => {
      const api = new WeatherAPI(); // expect: no-client-per-request
      return api.current(city);
    },
    cities: async (_, { name }, { dataSources }) => dataSources.places.search(name),
  },
  City: {
    weather: (city) => sharedWeather.current(city.name),
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, {
  context: async ({ req }) => ({
    token: req.headers.authorization,
    dataSources: {
      places: new PlacesAPI(),
      weather: new WeatherAPI(), // expect: no-client-per-request
    },
  }),
});
console.log(`gateway ready at ${url}`);
