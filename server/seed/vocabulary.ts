/**
 * @module server/seed/vocabulary
 * Word lists the synthetic directory is drawn from.
 */
export const GIVEN_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Anna', 'Arjun', 'Ben', 'Camille', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'David',
  'Elena', 'Emeka', 'Emma', 'Farah', 'Felix', 'Grace', 'Hannah', 'Hiroshi', 'Ines', 'Isaac', 'Jamal', 'Jana',
  'Javier', 'Julia', 'Kai', 'Kenji', 'Lars', 'Laura', 'Leila', 'Liam', 'Lucia', 'Mai', 'Marco', 'Maria', 'Mateo',
  'Maya', 'Mei', 'Mohammed', 'Nadia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Pablo', 'Priya', 'Rafael', 'Rania',
  'Ravi', 'Rosa', 'Sam', 'Sara', 'Sofia', 'Sven', 'Tariq', 'Thomas', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zoe',
] as const;

export const FAMILY_NAMES = [
  'Adams', 'Ahmed', 'Almeida', 'Andersson', 'Bauer', 'Becker', 'Brown', 'Campbell', 'Chen', 'Costa', 'Dubois',
  'Eriksen', 'Fernandez', 'Fischer', 'Garcia', 'Gupta', 'Hansen', 'Hernandez', 'Ito', 'Jansen', 'Johnson', 'Kim',
  'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Moreau', 'Müller', 'Nakamura', 'Nguyen', 'Novak',
  'Okafor', "O'Brien", 'Patel', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki',
  'Tanaka', 'Taylor', 'Thompson', 'Wagner', 'Wang', 'Weber', 'Williams', 'Wilson', 'Yamamoto', 'Zhang',
] as const;

export const DOMAINS = ['contoso.com', 'fabrikam.com', 'northwind.example', 'tailspin.example'] as const;
export const HOME_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me'] as const;

export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Operations', 'Support',
  'Product', 'Design', 'IT', 'Research', 'Procurement', 'Security', 'Facilities',
] as const;

export const TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Account Executive', 'Marketing Manager', 'Financial Analyst',
  'HR Business Partner', 'Counsel', 'Operations Manager', 'Support Specialist', 'Product Manager', 'Designer',
  'Systems Administrator', 'Research Scientist', 'Buyer', 'Security Analyst', 'Director', 'Team Lead',
] as const;

export const ORGANIZATIONS = ['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys'] as const;

export const CITIES = [
  { locality: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  { locality: 'Austin', region: 'TX', postalCode: '73301', country: 'US' },
  { locality: 'London', region: 'England', postalCode: 'EC1A 1BB', country: 'GB' },
  { locality: 'Berlin', region: 'Berlin', postalCode: '10115', country: 'DE' },
  { locality: 'Paris', region: 'Île-de-France', postalCode: '75001', country: 'FR' },
  { locality: 'Bengaluru', region: 'Karnataka', postalCode: '560001', country: 'IN' },
  { locality: 'Tokyo', region: 'Tokyo', postalCode: '100-0001', country: 'JP' },
  { locality: 'São Paulo', region: 'SP', postalCode: '01000-000', country: 'BR' },
] as const;

export const STREETS = ['Main St', 'Oak Avenue', 'Station Road', 'Harbour Way', 'Elm Street', 'King Street', 'Park Lane'] as const;
