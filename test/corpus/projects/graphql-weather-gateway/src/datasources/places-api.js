import { RESTDataSource } from '@apollo/datasource-rest';

// A REST data source sends through the fetch it wraps: no pool of its own.
export class PlacesAPI extends RESTDataSource {
  baseURL = 'https://places.example.com/';

  search(name) {
    return this.get('v2/search', { params: { q: name } });
  }
}
