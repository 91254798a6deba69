//
// EmailAddress.h
//
// Checks that an address is safe and plausible to send to.
//


#ifndef Erp_EmailAddress_INCLUDED
#define Erp_EmailAddress_INCLUDED


#include <string>


namespace erp {


class EmailAddress
/// A conservative check of a mailbox address (RFC 5321 "dot-atom" local
/// part, a domain of at least two DNS labels): no display name, no quoted
/// local part, no spaces, no control characters, so that a valid address
/// can never inject a header or an SMTP command. Pure and thread-safe.
{
public:
	static bool isValid(const std::string& address)
	{
		if (address.empty() || address.size() > 254) return false;
		const std::string::size_type at = address.rfind('@');
		if (at == std::string::npos || at == 0 || at > 64 || at + 1 >= address.size()) return false;
		const std::string local = address.substr(0, at);
		const std::string domain = address.substr(at + 1);
		return isDotAtom(local) && isDomain(domain);
	}

private:
	static bool isAtomChar(char c)
	{
		static const std::string SPECIALS = "!#$%&'*+-/=?^_`{|}~";
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			   SPECIALS.find(c) != std::string::npos;
	}

	static bool isDotAtom(const std::string& text)
	{
		if (text.front() == '.' || text.back() == '.') return false;
		char previous = 0;
		for (char c: text)
		{
			if (c == '.' && previous == '.') return false;
			if (c != '.' && !isAtomChar(c)) return false;
			previous = c;
		}
		return true;
	}

	static bool isDomain(const std::string& domain)
	{
		int labels = 0;
		std::string::size_type start = 0;
		while (start <= domain.size())
		{
			std::string::size_type end = domain.find('.', start);
			if (end == std::string::npos) end = domain.size();
			const std::string label = domain.substr(start, end - start);
			if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
			for (char c: label)
				if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
					return false;
			++labels;
			start = end + 1;
		}
		return labels >= 2;
	}
};


} // namespace erp


#endif // Erp_EmailAddress_INCLUDED
