//
// PasswordPrompt.cpp
//


#include "PasswordPrompt.h"
#include "PasswordHasher.h"
#include <Poco/Exception.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>


namespace host {


namespace {

const int EX_DATAERR_ = 65;

std::string readLine(std::istream& in)
{
	std::string line;
	std::getline(in, line);
	if (!line.empty() && line.back() == '\r') line.pop_back();
	return line;
}

std::string readHidden(const std::string& prompt, std::istream& in, std::ostream& err)
/// On a terminal: the line without echo.
{
	err << prompt << std::flush;
	termios saved{};
	const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
	if (terminal)
	{
		termios quiet = saved;
		quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
		::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	std::string line = readLine(in);
	if (terminal)
	{
		::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		err << std::endl;
	}
	return line;
}

} // namespace


std::string PasswordPrompt::configurationLine(const std::string& user, const std::string& hash)
{
	return user.empty() ? hash : "users." + user + ".password_hash = " + hash;
}


int PasswordPrompt::run(const std::string& user, std::istream& in, std::ostream& out, std::ostream& err)
{
	std::string password;
	if (::isatty(STDIN_FILENO))
	{
		password = readHidden("Password: ", in, err);
		if (readHidden("The same password again: ", in, err) != password)
		{
			err << "erp-host: the two passwords differ" << std::endl;
			return EX_DATAERR_;
		}
	}
	else
		password = readLine(in);
	if (password.empty())
	{
		err << "erp-host: no password on standard input" << std::endl;
		return EX_DATAERR_;
	}
	try
	{
		out << configurationLine(user, PasswordHasher::hash(password)) << std::endl;
	}
	catch (Poco::InvalidArgumentException& exc)
	{
		err << "erp-host: " << exc.message() << std::endl;
		return EX_DATAERR_;
	}
	return 0;
}


} // namespace host
