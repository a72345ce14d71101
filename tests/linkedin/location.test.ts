import { describe, expect, it } from 'vitest';
import { countryName, parseLocation } from '../../utils/linkedin/location';

describe('parseLocation', () => {
  it.each([
    ['Lyon, Auvergne-Rhône-Alpes, France', 'Lyon', 'France'],
    ['Toulouse, Occitanie, France', 'Toulouse', 'France'],
    ['Paris et périphérie', 'Paris', 'France'],
    ['Lyon et sa périphérie', 'Lyon', 'France'],
    ['Greater Paris Metropolitan Region', 'Paris', 'France'],
    ['Région de Paris', 'Paris', 'France'],
    ['Région métropolitaine de Lyon', 'Lyon', 'France'],
    ['Greater Lyon Area', 'Lyon', 'France'],
    ['Lyon Metropolitan Area', 'Lyon', 'France'],
    ['Lille Area, France', 'Lille', 'France'],
    ['Greater Bordeaux Area', 'Bordeaux', 'France'],
    ['Brussels Metropolitan Area', 'Brussels', 'Belgium'],
    ['Bruxelles et périphérie', 'Bruxelles', 'Belgique'],
    ['San Francisco Bay Area', 'San Francisco', 'United States'],
    ['New York, New York, United States', 'New York', 'United States'],
    ['Genève, Genève, Suisse', 'Genève', 'Suisse'],
    ['Paris, Île-de-France', 'Paris', 'France'],
    ['Montréal, Québec, Canada', 'Montréal', 'Canada'],
    ['Tokyo, Japan', 'Tokyo', 'Japan'],
    ['Lyon, France · Contact info', 'Lyon', 'France'],
    ['Greater Grand Rapids Area', 'Grand Rapids', undefined],
    // Outside France, in English and French.
    ['Yokohama, Kanagawa, Japon', 'Yokohama', 'Japon'],
    ['Greater Tokyo Area', 'Tokyo', 'Japan'],
    ['Région de Tokyo', 'Tokyo', 'Japon'],
    ['Lagos, Nigeria', 'Lagos', 'Nigeria'],
    ['Nairobi, Kenya', 'Nairobi', 'Kenya'],
    ['Bogotá, Colombie', 'Bogotá', 'Colombie'],
    ['São Paulo et périphérie', 'São Paulo', 'Brésil'],
    ['Greater Sydney Area', 'Sydney', 'Australia'],
    ['Dubai, United Arab Emirates', 'Dubai', 'United Arab Emirates'],
    ['Dubaï, Émirats arabes unis', 'Dubaï', 'Émirats arabes unis'],
    ['New York City Metropolitan Area', 'New York City', 'United States'],
    ['Région de Montréal', 'Montréal', 'Canada'],
    ['Hong Kong, Hong Kong SAR', 'Hong Kong', 'Hong Kong SAR'],
    ['Singapore, Singapore', 'Singapore', 'Singapore'],
    ['Istanbul, Türkiye', 'Istanbul', 'Türkiye'],
    ['Prague, Czech Republic', 'Prague', 'Czech Republic'],
  ])('%s → %s, %s', (text, city, country) => {
    expect(parseLocation(text)).toEqual({ city, country });
  });

  it.each([
    ['France', 'France'],
    ['Belgique', 'Belgique'],
    ['United States', 'United States'],
    ['États-Unis', 'États-Unis'],
    ['Pays de la Loire, France', 'France'],
    ['Île-de-France', 'France'],
    ['Bretagne', 'France'],
    ['Japon', 'Japon'],
    ['Nigeria', 'Nigeria'],
    ['Vietnam', 'Vietnam'],
    ['Corée du Sud', 'Corée du Sud'],
    ['Allemagne', 'Allemagne'],
  ])('%s → no city, %s', (text, country) => {
    expect(parseLocation(text)).toEqual({ country });
  });

  it('leaves empty or absurd input alone', () => {
    expect(parseLocation('')).toEqual({});
    expect(parseLocation(undefined)).toEqual({});
    expect(parseLocation('x'.repeat(200))).toEqual({});
  });

  it('names countries from ISO codes in the page language', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('de')).toBe('Germany');
    expect(countryName('DE', true)).toBe('Allemagne');
    expect(countryName('ZZ')).toBeUndefined();
    expect(countryName('JP', true)).toBe('Japon');
    expect(countryName('NG')).toBe('Nigeria');
  });
});
